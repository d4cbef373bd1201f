package io.fms.processor.seatmap;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import io.fms.events.SeatsChanged;
import io.fms.events.SeatsChanged.SeatChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one batch's events into one compact seat delta per trip: each seat the batch touched, with the status it
 * ended with. The events are in command order, so the last one to touch a seat names its status, whatever happened
 * to it before in the batch.
 *
 * <p>Plain Java: what the batch decided in, deltas out.
 */
public final class SeatChanges {

    /** The seat statuses the seat map shows; a status is carried as text, so a new one needs no change downstream. */
    public static final String AVAILABLE = "AVAILABLE";

    public static final String BOOKED = "BOOKED";

    private SeatChanges() {}

    /**
     * The deltas of a batch.
     *
     * @param events the batch's events in command order
     * @param lastOffsets per trip, the command-topic offset of the batch's last command on it
     */
    public static List<SeatsChanged> of(List<BookingEvent> events, Map<UUID, Long> lastOffsets) {
        Map<UUID, Map<String, String>> byTrip = new LinkedHashMap<>();
        for (BookingEvent event : events) {
            Map<String, String> seats = byTrip.computeIfAbsent(event.trip().tripId(), trip -> new LinkedHashMap<>());
            // Exhaustive on purpose: a new kind of decision must say what it does to seats, here.
            switch (event) {
                case BookingConfirmed confirmed -> confirmed.seats().forEach(seat -> seats.put(seat, BOOKED));
                case BookingCancelled cancelled ->
                    cancelled.releasedSeats().forEach(seat -> seats.put(seat, AVAILABLE));
                case BookingRejected rejected -> {
                    // Takes no seat and frees none.
                }
            }
        }
        List<SeatsChanged> deltas = new ArrayList<>(byTrip.size());
        byTrip.forEach((tripId, seats) -> {
            if (seats.isEmpty()) {
                return;
            }
            Long lastOffset = lastOffsets.get(tripId);
            if (lastOffset == null) {
                throw new IllegalArgumentException("events of trip " + tripId + " but no command of it in the batch");
            }
            List<SeatChange> changes = new ArrayList<>(seats.size());
            seats.forEach((seat, status) -> changes.add(new SeatChange(seat, status)));
            deltas.add(SeatsChanged.of(tripId, lastOffset + 1, changes));
        });
        return deltas;
    }

    /** Per trip key, the highest offset among the records; keys that are not trip IDs are left out. */
    public static Map<UUID, Long> lastOffsets(Iterable<? extends KeyedOffset> records) {
        Map<UUID, Long> last = new HashMap<>();
        for (KeyedOffset record : records) {
            UUID tripId = tripId(record.key());
            if (tripId != null) {
                last.merge(tripId, record.offset(), Math::max);
            }
        }
        return last;
    }

    /** A command record's key and offset. */
    public record KeyedOffset(String key, long offset) {}

    private static UUID tripId(String key) {
        if (key == null) {
            return null;
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            // An unreadable record (dead-lettered); it changed no seat.
            return null;
        }
    }
}
