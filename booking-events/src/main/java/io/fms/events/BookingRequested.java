package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A validated booking request, accepted by the API (answered 202) and awaiting a decision.
 *
 * @param passengers 1 to {@link #PASSENGERS_MAX}
 * @param seats the exact seats wanted, one per passenger, or empty to let the processor choose
 * @param contactEmail where the confirmation goes; may be null
 * @param callbackUrl where the signed webhook goes; may be null
 * @param hold the seats are to be held while the traveller pays; null to confirm at once
 * @param waitlist when the trip cannot seat the party, wait for seats instead of being refused (only without
 *     {@code seats})
 */
public record BookingRequested(
        UUID bookingId,
        UUID tripId,
        List<Passenger> passengers,
        List<String> seats,
        String contactEmail,
        String callbackUrl,
        Instant requestedAt,
        Hold hold,
        Boolean waitlist)
        implements BookingCommand.OnBooking {

    /** A booking seats 1 to this many passengers: the API refuses more, the processor dead-letters more. */
    public static final int PASSENGERS_MAX = 9;

    public BookingRequested {
        passengers = List.copyOf(passengers);
        seats = seats == null ? List.of() : List.copyOf(seats);
        // Absent in requests written before waitlists existed: they did not ask to wait.
        waitlist = Boolean.TRUE.equals(waitlist);
    }

    /** A request confirmed at once when it can be seated, refused otherwise. */
    public BookingRequested(
            UUID bookingId,
            UUID tripId,
            List<Passenger> passengers,
            List<String> seats,
            String contactEmail,
            String callbackUrl,
            Instant requestedAt) {
        this(bookingId, tripId, passengers, seats, contactEmail, callbackUrl, requestedAt, null, false);
    }
}
