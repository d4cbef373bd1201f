package io.fms.bench;

import java.util.List;
import java.util.Map;

/**
 * One system the bench plays the workload against, started once for the whole run (so each is warmed once) and
 * measured in every round: FMS on the running stack, or a baseline server of its own.
 */
interface SystemUnderTest extends AutoCloseable {

    /** As in the report: fms, rowlock, redislock, http. */
    String name();

    String[] createTrips(int count, Workload.Layout layout) throws Exception;

    HttpLoad.Endpoint endpoint(String[] tripIds);

    /** A booking's path without its ID, for cancellations; null when the system books nothing. */
    String bookingPathPrefix();

    /** FMS: a {@code 202} is intake and the decision comes from Kafka. */
    boolean asynchronous();

    /** Its processes' trees by name, for CPU; the stack's own always come with them (see {@link Bench#CPU_OF}). */
    Map<String, List<Long>> processes();

    /** Where its decisions are, for the checks; null for the HTTP ceiling. */
    Checks.Tables tables();

    /** Drops what the previous round left (a baseline's tables); FMS books on fresh trips instead. */
    void reset();

    @Override
    void close();
}
