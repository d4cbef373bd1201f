package io.fms.processor.batch;

import java.time.Duration;
import java.time.Instant;

/**
 * A partition's recent decisions per second, for a queued booking's estimate of its wait: decisions counted over a
 * window of a few seconds, the last full window's rate kept while the next one fills.
 */
final class DecisionRate {

    private static final Duration WINDOW = Duration.ofSeconds(5);

    private Instant windowStart;
    private long inWindow;
    private double lastRate;

    /** Counts {@code decisions} made at {@code now} and returns the rate as it stands. */
    double record(int decisions, Instant now) {
        if (windowStart == null) {
            windowStart = now;
        }
        inWindow += decisions;
        Duration elapsed = Duration.between(windowStart, now);
        if (elapsed.compareTo(WINDOW) >= 0) {
            lastRate = inWindow * 1000.0 / Math.max(1, elapsed.toMillis());
            windowStart = now;
            inWindow = 0;
        }
        return lastRate;
    }
}
