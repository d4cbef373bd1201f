package io.fms.bench.baseline;

import java.util.Locale;

/** The booking designs this server can play. */
public enum Design {
    /** The original FMS: one Postgres transaction per booking, seats taken with {@code SELECT ... FOR UPDATE}. */
    ROWLOCK,
    /** The original proposal: per-seat {@code SET NX} locks in Redis, then the Postgres write, then release. */
    REDISLOCK,
    /** Parses the booking and answers a fixed body: the ceiling of the HTTP stack itself. */
    NOOP;

    /** The Postgres schema holding this design's tables, so that two designs never read each other's rows. */
    public String schema() {
        return "bench_" + name().toLowerCase(Locale.ROOT);
    }
}
