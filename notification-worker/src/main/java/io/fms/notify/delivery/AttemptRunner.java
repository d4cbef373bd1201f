package io.fms.notify.delivery;

import io.fms.notify.NotifyProperties;
import io.fms.support.logging.LogFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One attempt at one claimed delivery: send, record the attempt and what follows, dead-letter if it died. */
@Component
public class AttemptRunner {

    private static final Logger log = LoggerFactory.getLogger(AttemptRunner.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryLog deliveryLog;
    private final RetryPolicy retryPolicy;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final long leaseMs;
    private final DeliveryTraces traces;

    public AttemptRunner(
            List<ChannelSender> senders,
            DeliveryLog deliveryLog,
            RetryPolicy retryPolicy,
            DeadLetters deadLetters,
            NotificationMetrics metrics,
            Clock clock,
            NotifyProperties properties,
            DeliveryTraces traces) {
        this.traces = traces;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        if (this.senders.size() != Channel.values().length) {
            throw new IllegalStateException("a sender is needed for every channel, got " + this.senders.keySet());
        }
        this.deliveryLog = deliveryLog;
        this.retryPolicy = retryPolicy;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.clock = clock;
        this.leaseMs = properties.leaseMs();
    }

    public String concurrencyKey(DueDelivery delivery) {
        return senders.get(delivery.channel()).concurrencyKey(delivery);
    }

    /** The attempt inside the booking's trace, its log lines carrying the booking and the event's record. */
    public void attempt(DueDelivery delivery) {
        try (DeliveryTraces.Scope trace = traces.continueFor(delivery);
                LogFields fields = LogFields.ofBooking(delivery.bookingId(), null)
                        .record(delivery.kafkaPartition(), delivery.kafkaOffset())) {
            attemptInTrace(delivery);
        }
    }

    private void attemptInTrace(DueDelivery delivery) {
        int attempt = delivery.attemptCount() + 1;
        Instant startedAt = clock.instant();
        if (attempt == 1) {
            metrics.firstAttempt(delivery.channel(), Duration.between(delivery.createdAt(), startedAt));
        }
        long startNanos = System.nanoTime();
        AttemptResult result;
        try {
            result = senders.get(delivery.channel()).send(delivery, attempt);
        } catch (RuntimeException e) {
            log.error("delivery {} attempt {} failed unexpectedly", delivery.id(), attempt, e);
            // Clients read the attempt log; the details stay in ours.
            result = AttemptResult.failure(AttemptOutcome.INTERNAL_ERROR, "internal error, logged by the worker");
        }
        long latencyMs = (System.nanoTime() - startNanos) / 1_000_000;
        Instant now = clock.instant();
        DeliveryTransition transition = DeliveryTransition.after(
                retryPolicy.decide(attempt, delivery.createdAt(), now, result), result, now, now.plusMillis(leaseMs));
        if (!deliveryLog.recordAttempt(delivery, attempt, startedAt, latencyMs, result, transition)) {
            log.warn(
                    "attempt {} of delivery {} took {} ms, past its claim: outcome {} not recorded",
                    attempt,
                    delivery.id(),
                    latencyMs,
                    result.outcome());
            return;
        }
        metrics.attempted(delivery.channel(), result.outcome(), latencyMs);
        if (transition.status() == DeliveryStatus.DELIVERED) {
            metrics.deliveryFinished(delivery.channel(), delivery.eventType(), DeliveryStatus.DELIVERED);
        } else if (transition.status() == DeliveryStatus.DEAD) {
            metrics.deliveryFinished(delivery.channel(), delivery.eventType(), DeliveryStatus.DEAD);
            log.warn(
                    "{} delivery {} of event {} is DEAD after {} attempts: {}",
                    delivery.channel(),
                    delivery.id(),
                    delivery.eventId(),
                    attempt,
                    transition.lastError());
            publishDeadLetter(delivery, attempt, transition.lastError());
        }
    }

    /** Publishes the dead letter; when Kafka does not take it, the dispatcher's sweep tries again later. */
    public void publishDeadLetter(DueDelivery delivery, int attempts, String reason) {
        try {
            deadLetters.publishDead(delivery, attempts, reason);
            deliveryLog.markDeadLettered(delivery.id(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("dead letter of delivery {} not published yet, will retry: {}", delivery.id(), e.toString());
        }
    }
}
