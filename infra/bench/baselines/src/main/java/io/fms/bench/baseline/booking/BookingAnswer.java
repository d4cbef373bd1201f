package io.fms.bench.baseline.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * A decision as answered: {@code 200 {bookingId, status: CONFIRMED, seats}} or
 * {@code 409 {bookingId, status: REJECTED, reason}}, reasons named as FMS names them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingAnswer(UUID bookingId, String status, List<String> seats, String reason) {

    public static final String CONFIRMED = "CONFIRMED";
    public static final String REJECTED = "REJECTED";
    public static final String CANCELLED = "CANCELLED";
    public static final String SEAT_UNAVAILABLE = "SEAT_UNAVAILABLE";
    public static final String SOLD_OUT = "SOLD_OUT";

    public static BookingAnswer confirmed(UUID bookingId, List<String> seats) {
        return new BookingAnswer(bookingId, CONFIRMED, seats, null);
    }

    public static BookingAnswer rejected(UUID bookingId, String reason) {
        return new BookingAnswer(bookingId, REJECTED, null, reason);
    }

    public static BookingAnswer cancelled(UUID bookingId) {
        return new BookingAnswer(bookingId, CANCELLED, null, null);
    }

    public boolean isConfirmed() {
        return CONFIRMED.equals(status);
    }
}
