package io.fms.bench;

import java.time.Instant;

/**
 * The bench's one time line: nanoseconds since the bench started, always positive (0 means "not set" in
 * {@link Outcomes}), and the mapping of wall-clock instants (the processor's decision times; same machine, same
 * clock) onto it.
 */
final class Clock {

    private static final long ORIGIN_NANO = System.nanoTime() - 1;
    private static final Instant ORIGIN_WALL = Instant.now();

    private Clock() {}

    static long now() {
        return System.nanoTime() - ORIGIN_NANO;
    }

    static long of(Instant instant) {
        long seconds = instant.getEpochSecond() - ORIGIN_WALL.getEpochSecond();
        long nanos = seconds * 1_000_000_000L + instant.getNano() - ORIGIN_WALL.getNano();
        return Math.max(1, nanos + 1);
    }
}
