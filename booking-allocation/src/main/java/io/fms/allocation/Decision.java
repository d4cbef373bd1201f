package io.fms.allocation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The allocator's answer to one booking request. */
public sealed interface Decision {

    UUID bookingId();

    /** The booking holds these seats, as labels in {@link Seat} order. */
    record Confirmed(UUID bookingId, List<String> seats) implements Decision {
        public Confirmed {
            Objects.requireNonNull(bookingId, "bookingId");
            seats = List.copyOf(seats);
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
