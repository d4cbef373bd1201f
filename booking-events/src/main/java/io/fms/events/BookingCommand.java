package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A command on {@link Topics#BOOKING_COMMANDS}, keyed by {@link #tripId()}: everything that changes a trip's seats,
 * and the ticks that move the partition's clock on, travels on the trip's partition in order.
 */
public sealed interface BookingCommand permits BookingCommand.OnBooking, PartitionTick {

    UUID tripId();

    /** When the sender wrote the command. The processor judges time by the record's log-append time, not by this. */
    Instant requestedAt();

    /** A command about one booking. */
    sealed interface OnBooking extends BookingCommand
            permits BookingRequested, BookingCancellationRequested, BookingConfirmationRequested {

        UUID bookingId();
    }
}
