package io.fms.events;

/** Why a booking was refused; part of the public API: clients switch on these names. */
public enum RejectionReason {
    /** One or more of the requested seats is held by another booking. */
    SEAT_UNAVAILABLE,
    /** Fewer seats are left than passengers asked for. */
    SOLD_OUT,
    /** The trip has departed or was closed to sales (also what a waiting party gets when the trip departs). */
    TRIP_CLOSED,
    /** A requested seat does not exist in the trip's layout. */
    INVALID_SEAT,
    /** The trip's waitlist already holds {@link Waitlist#PARTIES_MAX} parties. */
    WAITLIST_FULL
}
