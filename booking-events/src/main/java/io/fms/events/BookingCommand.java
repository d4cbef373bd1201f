package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/** A command on {@link Topics#BOOKING_COMMANDS}, keyed by {@link #tripId()}. */
public sealed interface BookingCommand permits BookingRequested, BookingCancellationRequested {

    UUID bookingId();

    UUID tripId();

    Instant requestedAt();
}
