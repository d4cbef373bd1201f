package io.fms.notify.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * What an operator watches during a sale: deliveries by channel, event type and final outcome, attempts by outcome,
 * the retry backlog, and how long an event waits for its first attempt. The event type is one of the six the
 * events topic carries (an unreadable record never gets this far), so the tag's values are few and fixed.
 */
@Component
public class NotificationMetrics {

    private final MeterRegistry registry;
    // One snapshot for both gauges, so that a scrape never pairs one count's new value with the other's old one.
    private final AtomicReference<DeliveryLog.Backlog> backlog = new AtomicReference<>(new DeliveryLog.Backlog(0, 0));

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        backlogGauge("fms.notify.pending", "Deliveries still owed (PENDING)", DeliveryLog.Backlog::pending);
        backlogGauge(
                "fms.notify.retry.backlog",
                "PENDING deliveries that have failed at least once and wait for a retry",
                DeliveryLog.Backlog::retrying);
    }

    /**
     * A delivery reached a final status (DELIVERED, DEAD or SKIPPED).
     *
     * @param eventType the event's {@code type}, e.g. {@code BookingHeld}
     */
    public void deliveryFinished(Channel channel, String eventType, DeliveryStatus status) {
        Counter.builder("fms.notify.deliveries")
                .description("Deliveries that reached a final status, by channel, event type and outcome")
                .tag("channel", tag(channel))
                .tag("event", eventType)
                .tag("outcome", status.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    public void attempted(Channel channel, AttemptOutcome outcome, long latencyMs) {
        Timer.builder("fms.notify.attempts")
                .description("Delivery attempts by channel and outcome, with their latency")
                .tag("channel", tag(channel))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(latencyMs, TimeUnit.MILLISECONDS);
    }

    public void firstAttempt(Channel channel, Duration sinceRecorded) {
        Timer.builder("fms.notify.first.attempt.delay")
                .description("From the event being recorded to its delivery's first attempt")
                .tag("channel", tag(channel))
                .register(registry)
                .record(sinceRecorded.isNegative() ? Duration.ZERO : sinceRecorded);
    }

    public void unreadableEvent() {
        Counter.builder("fms.notify.events.unreadable")
                .description("Records on the events topic that could not be read; sent to the dead-letter topic")
                .register(registry)
                .increment();
    }

    public void backlog(DeliveryLog.Backlog backlog) {
        this.backlog.set(backlog);
    }

    private void backlogGauge(String name, String description, ToLongFunction<DeliveryLog.Backlog> count) {
        Gauge.builder(name, backlog, snapshot -> count.applyAsLong(snapshot.get()))
                .description(description)
                .register(registry);
    }

    private static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
