package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The booking holds {@link #seats()} until {@link #holdExpiresAt()}; a payment confirmed by then keeps them. */
public record BookingHeld(
        UUID eventId,
        UUID bookingId,
        long sequence,
        TripSummary trip,
        List<Passenger> passengers,
        List<String> seats,
        Instant holdExpiresAt,
        String contactEmail,
        String callbackUrl,
        Instant occurredAt)
        implements BookingEvent {

    public BookingHeld {
        passengers = List.copyOf(passengers);
        seats = List.copyOf(seats);
    }
}
