package io.fms.allocation;

/** Why a booking got no seats; the names are the {@code reason} values a rejected booking shows its client. */
public enum Rejection {
    /** At least one requested seat is held by another booking (or kept for a waiting party); those are named. */
    SEAT_UNAVAILABLE,
    /** Fewer seats are free than there are passengers. */
    SOLD_OUT,
    /** Sales for the trip closed before the request was decided, or before a waiting party was seated. */
    TRIP_CLOSED,
    /** A requested seat is malformed, outside the layout or repeated, or the seats do not match the passengers. */
    INVALID_SEAT,
    /** The party asked to wait, but the trip's waitlist is full. */
    WAITLIST_FULL
}
