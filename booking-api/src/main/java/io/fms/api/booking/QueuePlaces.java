package io.fms.api.booking;

import io.fms.events.BookingJson;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import io.fms.events.UnreadableRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PENDING booking's place in its partition's queue, from the offset Kafka gave its request and the processor's
 * latest {@link PartitionProgress} of that partition.
 */
final class QueuePlaces {

    private static final Logger LOG = LoggerFactory.getLogger(QueuePlaces.class);

    private QueuePlaces() {}

    /**
     * The place of the command at {@code commandOffset}. Without progress (the processor has not published any yet,
     * or Redis lost it) nothing is known to be decided, so every earlier command of the partition counts as ahead:
     * an upper bound that only shrinks once progress appears, with no estimate of the wait (0).
     */
    static BookingView.QueuePosition placeOf(long commandOffset, Optional<PartitionProgress> progress) {
        return progress.map(known -> known.placeOf(commandOffset))
                .orElseGet(() -> new BookingView.QueuePosition(Math.max(0, commandOffset), 0));
    }

    /** The booking as answered: with its queue place while PENDING and its request's offset known, else as is. */
    static BookingView withQueue(BookingView view, Optional<PartitionProgress> progress) {
        if (view.status().isDecided()) {
            return view.queue() == null ? view : view.withQueue(null);
        }
        if (view.commandOffset() == null) {
            return view;
        }
        return view.withQueue(placeOf(view.commandOffset(), progress));
    }

    /** A progress entry as stored in Redis; empty when absent or unreadable (then the place is an upper bound). */
    static Optional<PartitionProgress> readProgress(int partition, String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), PartitionProgress.class));
        } catch (UnreadableRecordException e) {
            LOG.warn("Ignoring unreadable progress of command partition {}: {}", partition, e.getMessage());
            return Optional.empty();
        }
    }
}
