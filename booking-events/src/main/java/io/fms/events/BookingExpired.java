package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The hold passed its deadline unpaid; {@link #releasedSeats()} are free again. */
public record BookingExpired(
        UUID eventId,
        UUID bookingId,
        long sequence,
        TripSummary trip,
        List<Passenger> passengers,
        List<String> releasedSeats,
        String contactEmail,
        String callbackUrl,
        Instant occurredAt)
        implements BookingEvent {

    public BookingExpired {
        passengers = List.copyOf(passengers);
        releasedSeats = List.copyOf(releasedSeats);
    }
}
