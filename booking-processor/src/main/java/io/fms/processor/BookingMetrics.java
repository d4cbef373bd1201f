package io.fms.processor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** What an operator watches during a sale: decisions by outcome, batch shape and latency, backlogs, poison. */
@Component
public class BookingMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer batchCommit;
    private final Counter deadLettered;
    private final Counter publishFailures;
    private final Counter duplicates;
    private final Counter ignoredCancellations;
    private final AtomicLong outboxBacklog = new AtomicLong();

    public BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("fms.processor.batch.size")
                .description("Command records per batch")
                .baseUnit("records")
                .register(registry);
        this.batchCommit = Timer.builder("fms.processor.batch.commit")
                .description("Time to write a batch's decisions, offsets and outbox rows in one transaction")
                .publishPercentileHistogram()
                .register(registry);
        this.deadLettered = counter(
                registry,
                "fms.processor.dead.lettered",
                "Unreadable command records set aside on the dead-letter topic");
        this.publishFailures = counter(
                registry,
                "fms.processor.publish.failures",
                "Post-commit publishes (events, read model) left to the outbox sweeper");
        this.duplicates =
                counter(registry, "fms.processor.duplicates", "Booking requests whose booking ID was already decided");
        this.ignoredCancellations = counter(
                registry, "fms.processor.cancellations.ignored", "Cancellations of bookings that hold no seats");
        Gauge.builder("fms.processor.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Outbox rows not yet published, as of the last sweep")
                .register(registry);
    }

    /** A counter of this registry, described; the one way this module makes its counters. */
    public static Counter counter(MeterRegistry registry, String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    public void decided(String outcome, String reason, long count) {
        registry.counter("fms.processor.decisions", "outcome", outcome, "reason", reason)
                .increment(count);
    }

    public void batchSize(int records) {
        batchSize.record(records);
    }

    public Timer batchCommit() {
        return batchCommit;
    }

    public void deadLettered(int records) {
        deadLettered.increment(records);
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void duplicates(int count) {
        duplicates.increment(count);
    }

    public void ignoredCancellations(int count) {
        ignoredCancellations.increment(count);
    }

    public void outboxBacklog(long rows) {
        outboxBacklog.set(rows);
    }
}
