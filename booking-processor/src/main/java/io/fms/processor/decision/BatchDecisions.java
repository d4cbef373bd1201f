package io.fms.processor.decision;

import io.fms.events.BookingEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch of commands decided, in command order: the rows to write, the events to publish after the commit
 * and the read-model entries to refresh.
 *
 * @param decided bookings first decided in this batch, as they stand at its end
 * @param changed bookings decided before this batch that it changed (a hold paid or expired, a waiting party seated
 *     or passed over, a cancellation), each with the record it had before
 * @param duplicates requests whose booking ID was already decided; nothing new was decided for them
 * @param ignored commands that changed nothing (a cancellation with nothing to cancel, a repeated confirmation)
 * @param events one per decision and change, each with the partition whose batch made it
 * @param readModel the latest state of every booking the batch showed, duplicates included
 * @param touchedTrips trips whose seats or waitlist may have changed
 * @param waitlist how the trips' waitlists changed, in order
 */
public record BatchDecisions(
        List<BookingRecord> decided,
        List<Change> changed,
        List<BookingRecord> duplicates,
        List<IgnoredCommand> ignored,
        List<PartitionEvent> events,
        List<BookingRecord> readModel,
        Set<UUID> touchedTrips,
        List<WaitlistMove> waitlist) {

    public BatchDecisions {
        decided = List.copyOf(decided);
        changed = List.copyOf(changed);
        duplicates = List.copyOf(duplicates);
        ignored = List.copyOf(ignored);
        events = List.copyOf(events);
        readModel = List.copyOf(readModel);
        touchedTrips = Set.copyOf(touchedTrips);
        waitlist = List.copyOf(waitlist);
    }

    /** A booking this batch changed: as Postgres holds it ({@code before}) and as it is to become. */
    public record Change(BookingRecord before, BookingRecord after) {}

    /** A command that changed nothing, and why, for the log. */
    public record IgnoredCommand(UUID bookingId, UUID tripId, String why) {}

    /**
     * An event to publish, the command partition whose batch made it, and the trace context of the command that
     * caused it (null for what time alone did: an expiry, a promotion or a closing found due before a command).
     */
    public record PartitionEvent(int partition, BookingEvent event, String traceparent) {}

    /** A party joined a trip's waitlist at {@code order}, or left it ({@code order} null). */
    public record WaitlistMove(UUID tripId, UUID bookingId, Long order) {}
}
