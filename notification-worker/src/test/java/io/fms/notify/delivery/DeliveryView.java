package io.fms.notify.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery and its attempts as the log holds them: what a client is shown about its notifications. */
public record DeliveryView(
        long id,
        UUID eventId,
        UUID bookingId,
        String eventType,
        long sequence,
        Channel channel,
        String destination,
        DeliveryStatus status,
        int attemptCount,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant firstAttemptAt,
        Instant completedAt,
        Instant deadLetteredAt,
        List<Attempt> attempts) {

    public DeliveryView {
        attempts = List.copyOf(attempts);
    }

    public record Attempt(
            int attempt,
            Instant attemptedAt,
            AttemptOutcome outcome,
            Integer statusCode,
            long latencyMs,
            String error) {}
}
