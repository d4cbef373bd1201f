package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The booking was refused and holds nothing.
 *
 * @param unavailableSeats for {@link RejectionReason#SEAT_UNAVAILABLE} and {@link RejectionReason#INVALID_SEAT}:
 *     the requested seats that caused it; otherwise empty
 */
public record BookingRejected(
        UUID eventId,
        UUID bookingId,
        long sequence,
        TripSummary trip,
        List<Passenger> passengers,
        RejectionReason reason,
        List<String> unavailableSeats,
        String contactEmail,
        String callbackUrl,
        Instant occurredAt)
        implements BookingEvent {

    public BookingRejected {
        passengers = List.copyOf(passengers);
        unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
    }
}
