package io.fms.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A decision on {@link Topics#BOOKING_EVENTS}, keyed by {@link #bookingId()}.
 *
 * <p>{@link #eventId()} is stable across republishing, so consumers de-duplicate on it. {@link #sequence()} grows
 * by one with each event of the same booking (1 for its first decision, then one per change: a hold confirmed or
 * expired, a waiting party seated, a cancellation), so a receiver can drop duplicates and out-of-order deliveries.
 */
public sealed interface BookingEvent
        permits BookingHeld, BookingConfirmed, BookingWaitlisted, BookingRejected, BookingExpired, BookingCancelled {

    UUID eventId();

    UUID bookingId();

    long sequence();

    TripSummary trip();

    List<Passenger> passengers();

    String contactEmail();

    String callbackUrl();

    Instant occurredAt();
}
