package io.fms.processor.outbox;

import io.fms.processor.BookingMetrics;
import io.fms.processor.ProcessorProperties;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Retries outbox rows whose publish failed (Kafka or Redis briefly away), a bounded batch every few seconds, for the
 * partitions this instance owns. Rows younger than the minimum age are left to the batch that wrote them.
 */
@Component
public class OutboxSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxSweeper.class);

    private final OutboxStore outbox;
    private final OutboxPublisher publisher;
    private final OwnedPartitions owned;
    private final BookingMetrics metrics;
    private final Duration interval;
    private final int batchSize;
    private final long minAgeMs;

    public OutboxSweeper(
            OutboxStore outbox,
            OutboxPublisher publisher,
            OwnedPartitions owned,
            ProcessorProperties properties,
            BookingMetrics metrics) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.owned = owned;
        this.metrics = metrics;
        this.interval = Duration.ofMillis(properties.outboxSweepIntervalMs());
        this.batchSize = properties.outboxSweepBatchSize();
        this.minAgeMs = properties.outboxSweepMinAgeMs();
    }

    // Scheduled here rather than with @Scheduled, whose placeholder would have to repeat the interval's default.
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::sweepOnSchedule, interval, interval));
    }

    private void sweepOnSchedule() {
        try {
            // After an outage the backlog can be large: keep sweeping full pages while they drain it, for at most one
            // interval, so catching up takes minutes rather than one page per interval.
            long deadlineNanos = System.nanoTime() + interval.toNanos();
            long backlog = outbox.backlog();
            while (sweep() == batchSize && System.nanoTime() < deadlineNanos) {
                long left = outbox.backlog();
                if (left >= backlog) {
                    break; // nothing drained: Kafka or Redis is still away, the next interval tries again
                }
                backlog = left;
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, next one in {} ms: {}", interval.toMillis(), e.toString());
        }
    }

    /** Publishes the oldest unpublished rows of the owned partitions; returns how many it tried. */
    public int sweep() {
        List<OutboxRow> rows = outbox.pending(owned.current(), minAgeMs, batchSize);
        publisher.republish(rows);
        metrics.outboxBacklog(outbox.backlog());
        return rows.size();
    }

    /** Publishes what a crash left behind on newly assigned partitions, whatever its age, oldest first. */
    public void publishPending(Collection<Integer> partitions) {
        publisher.settle(partitions);
    }
}
