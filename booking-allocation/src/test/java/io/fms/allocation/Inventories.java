package io.fms.allocation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Helpers the allocator's tests share. */
final class Inventories {

    /** The limits the service runs with. */
    static final WaitlistLimits LIMITS = new WaitlistLimits(1000, 3);

    private Inventories() {}

    /** The seats a cancellation released; empty when it released none. */
    static List<String> released(List<Change> changes) {
        return changes.stream()
                .filter(Change.Released.class::isInstance)
                .map(Change.Released.class::cast)
                .findFirst()
                .map(Change.Released::releasedSeats)
                .orElse(List.of());
    }

    /** Cancels at {@code now} and returns the seats released. */
    static List<String> cancel(TripInventory inventory, UUID bookingId, Instant now) {
        return released(inventory.cancel(bookingId, now));
    }
}
