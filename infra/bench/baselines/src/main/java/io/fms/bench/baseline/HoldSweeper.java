package io.fms.bench.baseline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires lapsed holds every {@code holdSweepMs}, so that a hold nobody pays frees its seats even when nobody asks
 * for them (a payment that comes late expires its hold itself). Both storing designs use it; a bounded batch per
 * statement, repeated while batches come back full.
 */
final class HoldSweeper implements AutoCloseable {

    static final int BATCH_MAX = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(HoldSweeper.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("bench-hold-sweeper").daemon().factory());

    HoldSweeper(Baseline baseline, long intervalMs) {
        timer.scheduleWithFixedDelay(() -> sweep(baseline), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private static void sweep(Baseline baseline) {
        try {
            while (baseline.expireLapsedHolds(BATCH_MAX) == BATCH_MAX) {
                // a full batch: more may have lapsed
            }
        } catch (RuntimeException e) {
            // Postgres away for a moment: the next sweep tries again; a payment still cannot beat the deadline.
            LOG.warn("Sweeping lapsed holds failed: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
