package io.fms.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The processor's settings, each with a limit, checked when they are bound so a bad value stops the start.
 *
 * @param concurrency consumer threads; each owns whole partitions, so at most the command topic's partition count
 *     (checked against {@code fms.kafka.command-partitions} at start)
 * @param batchSizeMax records per batch ({@code max.poll.records}): the decisions of one batch are one transaction
 * @param publishTimeoutMs how long the consumer thread waits for Kafka to acknowledge events and dead letters
 * @param outboxSweepIntervalMs pause between two sweeps of unpublished outbox rows
 * @param outboxSweepMinAgeMs rows younger than this are left to the batch that wrote them, which publishes them itself
 * @param outboxSweepBatchSize outbox rows published per sweep, and per partition when a partition is assigned
 * @param retryInitialIntervalMs first pause before a failed batch is retried; it doubles up to the maximum
 * @param retryMaxIntervalMs longest pause between two tries of a failed batch (retries never stop)
 * @param tripsPerPartitionMax trips one partition keeps in memory; the least recently used is reloaded when met again
 *     (trips with live holds or waiting parties stay whatever this says)
 * @param tickIntervalMs how often the owner of a partition looks for a deadline that has passed there without a
 *     command since, and then appends a tick so that it is decided; a hold expires within about this after its
 *     deadline on a quiet trip, plus the time to decide
 */
@ConfigurationProperties("fms.processor")
public record ProcessorProperties(
        @DefaultValue("4") int concurrency,
        @DefaultValue("2000") int batchSizeMax,
        @DefaultValue("5000") long publishTimeoutMs,
        @DefaultValue("5000") long outboxSweepIntervalMs,
        @DefaultValue("10000") long outboxSweepMinAgeMs,
        @DefaultValue("500") int outboxSweepBatchSize,
        @DefaultValue("200") long retryInitialIntervalMs,
        @DefaultValue("30000") long retryMaxIntervalMs,
        @DefaultValue("10000") int tripsPerPartitionMax,
        @DefaultValue("250") long tickIntervalMs) {

    public static final int CONCURRENCY_MAX = 1_000;
    public static final int BATCH_SIZE_MAX = 10_000;
    public static final int TRIPS_PER_PARTITION_MAX = 1_000_000;

    public ProcessorProperties {
        require(concurrency >= 1 && concurrency <= CONCURRENCY_MAX, "concurrency must be 1-" + CONCURRENCY_MAX);
        require(batchSizeMax >= 1 && batchSizeMax <= BATCH_SIZE_MAX, "batch-size-max must be 1-" + BATCH_SIZE_MAX);
        require(publishTimeoutMs >= 100 && publishTimeoutMs <= 60_000, "publish-timeout-ms must be 100-60000");
        require(
                outboxSweepIntervalMs >= 100 && outboxSweepIntervalMs <= 3_600_000,
                "outbox-sweep-interval-ms must be 100-3600000");
        require(
                outboxSweepMinAgeMs >= 0 && outboxSweepMinAgeMs <= 3_600_000,
                "outbox-sweep-min-age-ms must be 0-3600000");
        require(
                outboxSweepBatchSize >= 1 && outboxSweepBatchSize <= BATCH_SIZE_MAX,
                "outbox-sweep-batch-size must be 1-" + BATCH_SIZE_MAX);
        require(
                retryInitialIntervalMs >= 10 && retryInitialIntervalMs <= 60_000,
                "retry-initial-interval-ms must be 10-60000");
        require(
                retryMaxIntervalMs >= retryInitialIntervalMs && retryMaxIntervalMs <= 600_000,
                "retry-max-interval-ms must be retry-initial-interval-ms-600000");
        require(
                tripsPerPartitionMax >= 1 && tripsPerPartitionMax <= TRIPS_PER_PARTITION_MAX,
                "trips-per-partition-max must be 1-" + TRIPS_PER_PARTITION_MAX);
        require(tickIntervalMs >= 50 && tickIntervalMs <= 1_000, "tick-interval-ms must be 50-1000");
    }

    /** Checked at start, where the command topic's partition count is known. */
    public void requireConcurrencyWithin(int commandPartitions) {
        require(
                concurrency <= commandPartitions,
                "concurrency " + concurrency + " exceeds the " + commandPartitions
                        + " command partitions: the extra threads would own nothing");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("fms.processor." + message);
        }
    }
}
