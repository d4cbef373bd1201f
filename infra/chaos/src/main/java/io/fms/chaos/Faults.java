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
            new Fault(
                    "processor-kill",
                    "kill -9 the processor at random moments, then a clean restart",
                    new ProcessorKill()),
            new Fault(
                    "postgres-stop",
                    "Postgres stopped " + PostgresStop.DOWN.toSeconds() + " s, then started",
                    new PostgresStop()),
            new Fault("kafka-kill", "the Kafka broker killed (kill -9), then restarted", new KafkaKill()),
            new Fault(
                    "redis-flush",
                    "Redis stopped, its data deleted, started empty; earlier requests retried",
                    new RedisFlush()),
            new Fault(
                    "scale",
                    "processor instances 1 -> 2 -> 1 -> 2 -> 1, one stalled (SIGSTOP) past its session",
                    new Scale()),
            new Fault(
                    "redelivery",
                    "consumer groups reset to the earliest offset; poison records injected",
                    new Redelivery(),
                    true),
            new Fault(
                    "hold-expiry",
                    HoldExpiry.HOLDS + " holds, half paid, whose deadlines pass while the processor is killed",
                    new HoldExpiry()),
            new Fault(
                    "worker-kill",
                    "the notification worker killed mid-delivery (a slow webhook receiver)",
                    new WorkerKill()));

    static final List<Fault> CLUSTER = List.of(
            new Fault(
                    "broker-kill",
                    "(--cluster) one of three brokers killed (kill -9) under load, restarted after "
                            + BrokerKill.DOWN.toSeconds() + " s",
                    new BrokerKill()),
            new Fault(
                    "redis-kill",
                    "(--cluster) one of three Redis masters killed (kill -9), restarted after "
                            + RedisMasterKill.DOWN.toSeconds() + " s; requests retried",
                    new RedisMasterKill()),
            new Fault("cluster-scale", "(--cluster) processor instances 1 -> 3 -> 1 under load", new ClusterScale()));

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
