package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to cancel a booking, release its hold or take it off the waitlist; travels on the trip's partition so it
 * is ordered after the booking itself.
 */
public record BookingCancellationRequested(UUID bookingId, UUID tripId, Instant requestedAt)
        implements BookingCommand.OnBooking {}
