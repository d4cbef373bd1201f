package io.fms.chaos;

import java.util.List;
import java.util.Locale;

/** Every fault of the suite, in the order a full run takes them; the command line picks from here. */
final class Faults {

    static final List<Fault> ALL = List.of(
            new ProcessorKill(),
            new PostgresStop(),
            new KafkaKill(),
            new RedisFlush(),
            new Scale(),
            new Redelivery(),
            new WorkerKill());

    private Faults() {}

    /** By name, or by number from 1 in {@link #ALL}'s order. */
    static Fault named(String name) {
        for (int index = 0; index < ALL.size(); index++) {
            Fault fault = ALL.get(index);
            if (fault.name().equals(name.toLowerCase(Locale.ROOT))
                    || String.valueOf(index + 1).equals(name)) {
                return fault;
            }
        }
        throw new Settings.UsageException("unknown fault '" + name + "'");
    }

    /** One usage line per fault: its number, name and summary. */
    static String usage() {
        StringBuilder lines = new StringBuilder();
        for (int index = 0; index < ALL.size(); index++) {
            lines.append(String.format(
                    Locale.ROOT,
                    "    %d %-17s%s\n",
                    index + 1,
                    ALL.get(index).name(),
                    ALL.get(index).summary()));
        }
        return lines.toString();
    }
}
