package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking as the status read model holds it: written PENDING by the API once Kafka has the request, then
 * replaced by the processor with each decision. The same shape is rebuilt from Postgres when Redis has no entry.
 */
public record BookingView(
        UUID bookingId,
        UUID tripId,
        BookingStatus status,
        List<String> seats,
        List<Passenger> passengers,
        RejectionReason reason,
        List<String> unavailableSeats,
        String contactEmail,
        String callbackUrl,
        Instant createdAt,
        Instant decidedAt) {

    public BookingView {
        seats = seats == null ? List.of() : List.copyOf(seats);
        passengers = passengers == null ? List.of() : List.copyOf(passengers);
        unavailableSeats = unavailableSeats == null ? List.of() : List.copyOf(unavailableSeats);
    }
}
