package io.fms.processor.decision;

import io.fms.allocation.TripInventory;
import io.fms.events.Availability;
import io.fms.events.BookingStatus;
import io.fms.events.TripSummary;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A trip as its partition's consumer thread holds it: the live inventory, what events say about the trip, and the
 * records of its open bookings (held, or waiting for seats), which time passing can change without a command naming
 * them. Owned by that one thread, like the inventory inside it.
 */
public record TripState(TripSummary summary, TripInventory inventory, Map<UUID, BookingRecord> openBookings) {

    public TripState {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(inventory, "inventory");
        Objects.requireNonNull(openBookings, "openBookings");
        if (!summary.tripId().equals(inventory.tripId())) {
            throw new IllegalArgumentException(
                    "summary of trip " + summary.tripId() + " with inventory of trip " + inventory.tripId());
        }
    }

    public TripState(TripSummary summary, TripInventory inventory) {
        this(summary, inventory, new HashMap<>());
    }

    /** Keeps the booking's latest record while it is open (held or waiting), forgets it once it is not. */
    void track(BookingRecord booking) {
        if (booking.status() == BookingStatus.HELD || booking.status() == BookingStatus.WAITLISTED) {
            openBookings.put(booking.bookingId(), booking);
        } else {
            openBookings.remove(booking.bookingId());
        }
    }

    public Availability availability(Instant now) {
        return new Availability(
                inventory.tripId(),
                inventory.capacity(),
                inventory.availableSeats(),
                inventory.isClosed(now),
                now,
                inventory.waitlistSize());
    }
}
