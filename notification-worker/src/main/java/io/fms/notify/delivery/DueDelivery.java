package io.fms.notify.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A PENDING delivery a worker has claimed, with the event it carries.
 *
 * @param attemptCount attempts made before this one
 * @param lastError what the last attempt came to, or why the delivery died
 * @param createdAt when the event was recorded: the retry horizon and time-to-first-attempt count from here
 * @param payload the event record's value as it came from Kafka: the exact webhook body
 * @param claimedUntil the lease of this claim; the attempt's outcome is recorded only while it still holds
 * @param traceparent the W3C traceparent the event came with, handed on to the receiver; null when it had none
 */
public record DueDelivery(
        long id,
        UUID eventId,
        UUID bookingId,
        Channel channel,
        String destination,
        int attemptCount,
        Instant createdAt,
        String lastError,
        String eventType,
        byte[] payload,
        int kafkaPartition,
        long kafkaOffset,
        Instant claimedUntil,
        String traceparent) {}
