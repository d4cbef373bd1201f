package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The trip could not seat the party, which now waits for seats.
 *
 * @param waitlistPosition the party's place when it joined (1 = next); it only moves forward
 */
public record BookingWaitlisted(
        UUID eventId,
        UUID bookingId,
        long sequence,
        TripSummary trip,
        List<Passenger> passengers,
        int waitlistPosition,
        String contactEmail,
        String callbackUrl,
        Instant occurredAt)
        implements BookingEvent {

    public BookingWaitlisted {
        passengers = List.copyOf(passengers);
    }
}
