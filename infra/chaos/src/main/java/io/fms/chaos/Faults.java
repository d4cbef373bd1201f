package io.fms.chaos;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every fault of the suite, in the order a full run takes them; the command line picks from here. The cluster's
 * faults ({@code infra/fms chaos --cluster}, against {@code infra/fms up --cluster}) are numbered on after the others.
 */
final class Faults {

    static final List<Fault> ALL = List.of(
            new ProcessorKill(),
            new PostgresStop(),
            new KafkaKill(),
            new RedisFlush(),
            new Scale(),
            new Redelivery(),
            new WorkerKill());

    static final List<Fault> CLUSTER = List.of(new BrokerKill(), new RedisMasterKill(), new ClusterScale());

    private static final List<Fault> NUMBERED =
            Stream.concat(ALL.stream(), CLUSTER.stream()).toList();

    private Faults() {}

    /** By name, or by number from 1 in {@link #ALL}'s order. */
    static Fault named(String name) {
        for (int index = 0; index < NUMBERED.size(); index++) {
            Fault fault = NUMBERED.get(index);
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
        for (int index = 0; index < NUMBERED.size(); index++) {
            lines.append(String.format(
                    Locale.ROOT,
                    "    %d %-17s%s\n",
                    index + 1,
                    NUMBERED.get(index).name(),
                    NUMBERED.get(index).summary()));
        }
        return lines.toString();
    }
}
