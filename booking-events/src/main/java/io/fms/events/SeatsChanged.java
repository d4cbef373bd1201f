package io.fms.events;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What one batch of the processor changed in one trip's seat map, on {@link Topics#SEAT_CHANGES} keyed by the trip
 * ID. Each change is the seat's status once the batch is decided, not a transition: applying a change twice, or to
 * a map that already has it, changes nothing.
 *
 * @param schemaVersion {@link BookingJson#SCHEMA_VERSION}; a reader refuses another
 * @param version one past the command-topic offset of the batch's last command on this trip: strictly increasing
 *     per trip, the same when the batch is decided again, and comparable with the processor's stored offset of
 *     the trip's partition (a seat map read with stored offset {@code N} includes every change of version
 *     {@code <= N})
 * @param changes seat label and status ({@code AVAILABLE}, {@code HELD}, {@code BOOKED}, as the processor names
 *     them), each seat at most once
 */
public record SeatsChanged(int schemaVersion, UUID tripId, long version, List<SeatChange> changes) {

    /** Changes per record: a whole cabin of the largest layout fits well within Kafka's default record size. */
    public static final int CHANGES_MAX = 10_000;

    public SeatsChanged {
        Objects.requireNonNull(tripId, "tripId");
        if (schemaVersion != BookingJson.SCHEMA_VERSION) {
            throw new IllegalArgumentException("unsupported schemaVersion " + schemaVersion + " of SeatsChanged");
        }
        if (version < 1) {
            throw new IllegalArgumentException("seat change version must be at least 1, was " + version);
        }
        changes = List.copyOf(changes);
        if (changes.size() > CHANGES_MAX) {
            throw new IllegalArgumentException("more than " + CHANGES_MAX + " seat changes in one record");
        }
    }

    public static SeatsChanged of(UUID tripId, long version, List<SeatChange> changes) {
        return new SeatsChanged(BookingJson.SCHEMA_VERSION, tripId, version, changes);
    }

    /** A seat and its status after the batch. */
    public record SeatChange(String seat, String status) {
        public SeatChange {
            Objects.requireNonNull(seat, "seat");
            Objects.requireNonNull(status, "status");
        }
    }
}
