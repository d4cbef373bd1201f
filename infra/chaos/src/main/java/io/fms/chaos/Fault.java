package io.fms.chaos;

import java.util.Locale;

/** The faults of issue 5, in the order a full run takes them. */
enum Fault {
    PROCESSOR_KILL("processor-kill"),
    POSTGRES_STOP("postgres-stop"),
    KAFKA_KILL("kafka-kill"),
    REDIS_FLUSH("redis-flush"),
    SCALE("scale"),
    REDELIVERY("redelivery"),
    WORKER_KILL("worker-kill");

    final String label;

    Fault(String label) {
        this.label = label;
    }

    static Fault named(String name) {
        for (Fault fault : values()) {
            if (fault.label.equals(name.toLowerCase(Locale.ROOT))
                    || String.valueOf(fault.ordinal() + 1).equals(name)) {
                return fault;
            }
        }
        throw new Settings.UsageException("unknown fault '" + name + "'");
    }
}
