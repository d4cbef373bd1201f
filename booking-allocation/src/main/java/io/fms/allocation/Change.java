package io.fms.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened to a booking other than its first decision: a hold ended, seats were released, a waiting
 * party was seated, passed over, or turned away. Operations return their changes in the order they happened.
 */
public sealed interface Change {

    UUID bookingId();

    /** A hold passed its deadline unpaid; its seats are free. {@code at} is the deadline. */
    record Expired(UUID bookingId, List<String> releasedSeats, Instant at) implements Change {
        public Expired {
            Objects.requireNonNull(bookingId, "bookingId");
            releasedSeats = List.copyOf(releasedSeats);
        }
    }

    /** A held or confirmed booking was cancelled; its seats are free. */
    record Released(UUID bookingId, List<String> releasedSeats) implements Change {
        public Released {
            Objects.requireNonNull(bookingId, "bookingId");
            releasedSeats = List.copyOf(releasedSeats);
        }
    }

    /** A waiting party left the list. */
    record LeftWaitlist(UUID bookingId) implements Change {}

    /** A waiting party got seats: held until {@code holdExpiresAt} if it asked for a hold (else null: confirmed). */
    record Seated(UUID bookingId, List<String> seats, Instant holdExpiresAt) implements Change {
        public Seated {
            Objects.requireNonNull(bookingId, "bookingId");
            seats = List.copyOf(seats);
        }
    }

    /** A waiting party that did not fit saw another party seated before it; {@code passOvers} counts the times. */
    record PassedOver(UUID bookingId, int passOvers) implements Change {}

    /** The trip departed while the party was waiting. */
    record WaitlistClosed(UUID bookingId) implements Change {}
}
