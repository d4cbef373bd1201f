package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The booking holds {@link #seats()} for good.
 *
 * @param paymentReference the payment that confirmed a held booking; null for a booking confirmed without a hold
 */
public record BookingConfirmed(
        UUID eventId,
        UUID bookingId,
        long sequence,
        TripSummary trip,
        List<Passenger> passengers,
        List<String> seats,
        String contactEmail,
        String callbackUrl,
        Instant occurredAt,
        String paymentReference)
        implements BookingEvent {

    public BookingConfirmed {
        passengers = List.copyOf(passengers);
        seats = List.copyOf(seats);
    }
}
