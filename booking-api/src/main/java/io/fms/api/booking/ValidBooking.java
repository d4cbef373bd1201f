package io.fms.api.booking;

import io.fms.events.Passenger;
import java.util.List;
import java.util.UUID;

/**
 * A booking request whose fields are all valid and normalised (trimmed, seat letters upper case). Its JSON form is
 * the canonical request that an Idempotency-Key's fingerprint is taken of.
 */
record ValidBooking(
        UUID tripId, List<Passenger> passengers, List<String> seats, String contactEmail, String callbackUrl) {

    ValidBooking {
        passengers = List.copyOf(passengers);
        seats = List.copyOf(seats);
    }
}
