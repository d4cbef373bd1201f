package io.fms.api.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fms.events.Hold;
import io.fms.events.Passenger;
import java.util.List;
import java.util.UUID;

/**
 * A booking request whose fields are all valid and normalised (trimmed, seat letters upper case). Its JSON form is
 * the canonical request that an Idempotency-Key's fingerprint is taken of.
 *
 * @param hold null when the request confirms at once
 * @param waitlist whether the party may wait for seats
 */
record ValidBooking(
        UUID tripId,
        List<Passenger> passengers,
        List<String> seats,
        String contactEmail,
        String callbackUrl,
        // Left out of the JSON when absent, so a request without them keeps the fingerprint (and so the booking ID)
        // it had before holds and waitlists existed: a retry across the upgrade still names the same booking.
        @JsonInclude(JsonInclude.Include.NON_NULL) Hold hold,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean waitlist) {

    ValidBooking {
        passengers = List.copyOf(passengers);
        seats = List.copyOf(seats);
    }
}
