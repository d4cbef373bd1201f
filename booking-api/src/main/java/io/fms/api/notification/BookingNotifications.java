package io.fms.api.notification;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the notification worker has done about a booking: one entry per event and channel, oldest event first. */
public record BookingNotifications(UUID bookingId, List<Notification> notifications) {

    public BookingNotifications {
        notifications = List.copyOf(notifications);
    }

    /**
     * One delivery: an event of the booking sent over one channel. Channel, status and outcome are the worker's
     * words, passed on as strings so that a value the worker adds later is shown rather than failing the read.
     */
    public record Notification(
            UUID eventId,

            @Schema(
                    example = "BookingHeld",
                    description = "The event sent: BookingHeld, BookingConfirmed, BookingWaitlisted, BookingRejected,"
                            + " BookingExpired or BookingCancelled (the type field of the webhook body)")
            String eventType,

            @Schema(description = "The event's place in the booking's history, from 1")
            long sequence,

            @Schema(allowableValues = {"EMAIL", "WEBHOOK"}) String channel,

            @Schema(description = "The email address or callback URL the booking gave")
            String destination,

            @Schema(
                    allowableValues = {"PENDING", "DELIVERED", "DEAD", "SKIPPED"},
                    description = "PENDING: will be tried (again) at nextAttemptAt; DEAD: given up;"
                            + " SKIPPED: never tried, lastError says why")
            String status,

            @Schema(description = "Attempts made in all; attempts lists only the latest of them")
            int attemptCount,

            Instant nextAttemptAt,
            String lastError,
            Instant createdAt,
            Instant firstAttemptAt,
            Instant completedAt,

            @Schema(description = "The latest attempts, newest first")
            List<Attempt> attempts) {

        public Notification {
            attempts = List.copyOf(attempts);
        }
    }

    public record Attempt(
            @Schema(description = "Number of the attempt, from 1")
            int attempt,

            Instant attemptedAt,

            @Schema(
                    example = "HTTP_ERROR",
                    description = "SUCCESS, HTTP_ERROR, GONE, TIMEOUT, CONNECTION_ERROR, UNRESOLVED, REFUSED,"
                            + " SMTP_ERROR, INVALID_MESSAGE or INTERNAL_ERROR")
            String outcome,

            @Schema(description = "The receiver's HTTP status, for webhooks that got an answer")
            Integer statusCode,

            long latencyMs,
            String error) {}
}
