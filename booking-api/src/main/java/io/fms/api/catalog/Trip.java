package io.fms.api.catalog;

import io.fms.allocation.SeatLayout;
import java.time.Instant;
import java.util.UUID;

/** One flight on one departure date-time; immutable once created, which is what lets intake cache it. */
public record Trip(
        UUID id,
        UUID flightId,
        String flightNumber,
        String origin,
        String destination,
        Instant departureTime,
        SeatLayout layout) {

    /** Sales close when the trip departs (docs/design.md). */
    public boolean hasDeparted(Instant now) {
        return !departureTime.isAfter(now);
    }
}
