package io.fms.processor.decision;

import io.fms.allocation.TripInventory;
import io.fms.events.Availability;
import io.fms.events.TripSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * A trip as its partition's consumer thread holds it: the live inventory and what events say about the trip. Owned by
 * that one thread, like the inventory inside it.
 */
public record TripState(TripSummary summary, TripInventory inventory) {

    public TripState {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(inventory, "inventory");
        if (!summary.tripId().equals(inventory.tripId())) {
            throw new IllegalArgumentException(
                    "summary of trip " + summary.tripId() + " with inventory of trip " + inventory.tripId());
        }
    }

    public Availability availability(Instant now) {
        return new Availability(
                inventory.tripId(), inventory.capacity(), inventory.availableSeats(), inventory.isClosed(now), now);
    }
}
