package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A trip's seat counts as the processor last committed them; the API uses it to turn requests away at the door
 * when a trip is sold out or closed, and to show {@code availableSeats}. It may lag the truth by one batch.
 *
 * @param availableSeats seats neither held nor booked nor set aside for a waiting party
 * @param waitlistParties parties waiting for seats
 */
public record Availability(
        UUID tripId, int capacity, int availableSeats, boolean closed, Instant updatedAt, int waitlistParties) {

    public Availability {
        if (capacity < 0 || availableSeats < 0 || availableSeats > capacity) {
            throw new IllegalArgumentException(
                    "availability out of range: " + availableSeats + " of " + capacity + " for trip " + tripId);
        }
        if (waitlistParties < 0) {
            throw new IllegalArgumentException("negative waitlist for trip " + tripId);
        }
    }

    public boolean acceptsBookings() {
        return !closed && availableSeats > 0;
    }

    /** Whether a request that may wait gets in: seats are left, or the waitlist has room. */
    public boolean acceptsWaitlistRequests() {
        return acceptsBookings() || (!closed && waitlistParties < Waitlist.PARTIES_MAX);
    }
}
