package io.fms.events;

/**
 * The life of a booking, as clients see it: {@code PENDING} until the processor decides; then {@code HELD} (seats
 * taken while the traveller pays), {@code CONFIRMED}, {@code WAITLISTED} (waiting for seats) or {@code REJECTED};
 * a hold ends {@code CONFIRMED}, {@code EXPIRED} or {@code CANCELLED}; a waiting party is seated ({@code HELD} or
 * {@code CONFIRMED}), leaves ({@code CANCELLED}) or is {@code REJECTED} when the trip departs.
 */
public enum BookingStatus {
    PENDING,
    HELD,
    CONFIRMED,
    WAITLISTED,
    REJECTED,
    EXPIRED,
    CANCELLED;

    /** Whether the processor has decided the booking (it may still change: a hold, a waiting party). */
    public boolean isDecided() {
        return this != PENDING;
    }

    /** Whether the booking takes seats: no one else can get them. */
    public boolean holdsSeats() {
        return this == HELD || this == CONFIRMED;
    }

    /** Whether nothing more can happen to the booking but a cancellation of a confirmed one. */
    public boolean isSettled() {
        return this == CONFIRMED || this == REJECTED || this == EXPIRED || this == CANCELLED;
    }

    /**
     * Orders a booking's states along its life, for stores that must keep a newer state from being replaced by an
     * older one arriving late: every transition goes to a higher rank.
     */
    public int rank() {
        return switch (this) {
            case PENDING -> 0;
            case WAITLISTED -> 1;
            case HELD -> 2;
            case CONFIRMED, REJECTED -> 3;
            case EXPIRED, CANCELLED -> 4;
        };
    }
}
