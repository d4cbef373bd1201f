package io.fms.bench.baseline.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A decision as answered: {@code 200 {bookingId, status: CONFIRMED | HELD, seats}} (a hold with
 * {@code holdExpiresAt}, a paid one with {@code paymentReference}), {@code 409 {bookingId, status: REJECTED,
 * reason}} or {@code 409 {bookingId, status: EXPIRED}}; statuses and reasons named as FMS names them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingAnswer(
        UUID bookingId,
        Status status,
        List<String> seats,
        String reason,
        Instant holdExpiresAt,
        String paymentReference) {

    /** A booking's statuses, spelt as FMS spells them (and as the booking table stores them). */
    public enum Status {
        CONFIRMED,
        HELD,
        REJECTED,
        EXPIRED,
        CANCELLED
    }

    public static final String SEAT_UNAVAILABLE = "SEAT_UNAVAILABLE";
    public static final String SOLD_OUT = "SOLD_OUT";

    public static BookingAnswer confirmed(UUID bookingId, List<String> seats) {
        return new BookingAnswer(bookingId, Status.CONFIRMED, seats, null, null, null);
    }

    /** The seats are taken until {@code holdExpiresAt}; a confirmation before then makes the booking confirmed. */
    public static BookingAnswer held(UUID bookingId, List<String> seats, Instant holdExpiresAt) {
        return new BookingAnswer(bookingId, Status.HELD, seats, null, holdExpiresAt, null);
    }

    public static BookingAnswer paid(UUID bookingId, List<String> seats, String paymentReference) {
        return new BookingAnswer(bookingId, Status.CONFIRMED, seats, null, null, paymentReference);
    }

    public static BookingAnswer rejected(UUID bookingId, String reason) {
        return new BookingAnswer(bookingId, Status.REJECTED, null, reason, null, null);
    }

    public static BookingAnswer expired(UUID bookingId) {
        return new BookingAnswer(bookingId, Status.EXPIRED, null, null, null, null);
    }

    public static BookingAnswer cancelled(UUID bookingId) {
        return new BookingAnswer(bookingId, Status.CANCELLED, null, null, null, null);
    }

    /** Whether the booking has its seats (confirmed or held): answered {@code 200}, else {@code 409}. */
    public boolean takesSeats() {
        return status == Status.CONFIRMED || status == Status.HELD;
    }
}
