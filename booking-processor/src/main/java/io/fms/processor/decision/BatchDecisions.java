package io.fms.processor.decision;

import io.fms.events.BookingEvent;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one batch of commands decided, in command order: the rows to write, the events to publish after the commit
 * and the read-model entries to refresh.
 *
 * @param decided new bookings, confirmed or rejected
 * @param cancelled confirmed bookings now cancelled, with the seats they released
 * @param duplicates requests whose booking ID was already decided; nothing new was decided for them
 * @param ignored cancellations that had nothing to cancel
 * @param events one per decision and cancellation, each with the partition whose batch made it
 * @param readModel the latest state of every booking the batch touched, duplicates included
 * @param touchedTrips trips whose seats may have changed
 */
public record BatchDecisions(
        List<BookingRecord> decided,
        List<Cancellation> cancelled,
        List<BookingRecord> duplicates,
        List<IgnoredCommand> ignored,
        List<PartitionEvent> events,
        List<BookingRecord> readModel,
        Set<UUID> touchedTrips) {

    public BatchDecisions {
        decided = List.copyOf(decided);
        cancelled = List.copyOf(cancelled);
        duplicates = List.copyOf(duplicates);
        ignored = List.copyOf(ignored);
        events = List.copyOf(events);
        readModel = List.copyOf(readModel);
        touchedTrips = Set.copyOf(touchedTrips);
    }

    /** A confirmed booking cancelled by this batch. */
    public record Cancellation(BookingRecord booking, List<String> releasedSeats) {
        public Cancellation {
            releasedSeats = List.copyOf(releasedSeats);
        }
    }

    /** A command that changed nothing, and why, for the log. */
    public record IgnoredCommand(UUID bookingId, UUID tripId, String why) {}

    /** An event to publish, and the command partition whose batch made it. */
    public record PartitionEvent(int partition, BookingEvent event) {}
}
