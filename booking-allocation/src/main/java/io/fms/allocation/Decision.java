package io.fms.allocation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The allocator's answer to one booking request. */
public sealed interface Decision {

    UUID bookingId();

    /** The booking holds these seats for good, as labels in {@link Seat} order. */
    record Confirmed(UUID bookingId, List<String> seats) implements Decision {
        public Confirmed {
            Objects.requireNonNull(bookingId, "bookingId");
            seats = List.copyOf(seats);
        }
    }

    /** The booking holds these seats until {@code expiresAt}; a payment by then confirms them. */
    record Held(UUID bookingId, List<String> seats, Instant expiresAt) implements Decision {
        public Held {
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(expiresAt, "expiresAt");
            seats = List.copyOf(seats);
        }
    }

    /** The party waits for seats, at {@code position} (1 = next). */
    record Waitlisted(UUID bookingId, int position) implements Decision {
        public Waitlisted {
            Objects.requireNonNull(bookingId, "bookingId");
        }
    }

    /** The booking holds nothing; {@code offendingSeats} names the seats at fault, empty when no seat is. */
    record Rejected(UUID bookingId, Rejection reason, List<String> offendingSeats) implements Decision {
        public Rejected {
            Objects.requireNonNull(bookingId, "bookingId");
            Objects.requireNonNull(reason, "reason");
            offendingSeats = List.copyOf(offendingSeats);
        }
    }
}
