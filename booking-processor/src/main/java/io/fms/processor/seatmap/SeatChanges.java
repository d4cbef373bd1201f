package io.fms.processor.seatmap;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingRejected;
import io.fms.events.BookingWaitlisted;
import io.fms.events.SeatsChanged;
import io.fms.events.SeatsChanged.SeatChange;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns one batch's events into one compact seat delta per trip: each seat the batch touched, with the status it
 * ended with. The events are in command order, so the last one to touch a seat names its status, whatever happened
 * to it before in the batch. A delta's version is the partition's next offset once the batch is committed: what the
 * processor stores for the partition, and so what a snapshot read from Postgres is versioned by. Trips whose holds
 * expired as time passed have no command of their own in the batch; their partition's offset versions them too.
 *
 * <p>Plain Java: what the batch decided in, deltas out.
 */
public final class SeatChanges {

    /** The seat statuses the seat map shows; a status is carried as text, so a new one needs no change downstream. */
    public static final String AVAILABLE = "AVAILABLE";

    public static final String HELD = "HELD";

    public static final String BOOKED = "BOOKED";

    private SeatChanges() {}

    /**
     * The deltas of a batch.
     *
     * @param events the batch's events in command order, each with its command partition
     * @param lastOffsets per command partition, the offset of the batch's last record there
     */
    public static List<SeatsChanged> of(List<PartitionEvent> events, Map<Integer, Long> lastOffsets) {
        Map<UUID, Map<String, String>> byTrip = new LinkedHashMap<>();
        Map<UUID, Integer> partitions = new HashMap<>();
        for (PartitionEvent partitionEvent : events) {
            BookingEvent event = partitionEvent.event();
            UUID tripId = event.trip().tripId();
            partitions.put(tripId, partitionEvent.partition());
            Map<String, String> seats = byTrip.computeIfAbsent(tripId, trip -> new LinkedHashMap<>());
            // Exhaustive on purpose: a new kind of decision must say what it does to seats, here.
            switch (event) {
                case BookingHeld held -> held.seats().forEach(seat -> seats.put(seat, HELD));
                case BookingConfirmed confirmed -> confirmed.seats().forEach(seat -> seats.put(seat, BOOKED));
                case BookingCancelled cancelled ->
                    cancelled.releasedSeats().forEach(seat -> seats.put(seat, AVAILABLE));
                case BookingExpired expired -> expired.releasedSeats().forEach(seat -> seats.put(seat, AVAILABLE));
                case BookingWaitlisted waitlisted -> {
                    // Waits for seats; takes none.
                }
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
            Long lastOffset = lastOffsets.get(partitions.get(tripId));
            if (lastOffset == null) {
                throw new IllegalArgumentException(
                        "events of trip " + tripId + " but no record of its partition in the batch");
            }
            List<SeatChange> changes = new ArrayList<>(seats.size());
            seats.forEach((seat, status) -> changes.add(new SeatChange(seat, status)));
            deltas.add(SeatsChanged.of(tripId, lastOffset + 1, changes));
        });
        return deltas;
    }

    /** Per command partition, the highest offset among the records. */
    public static Map<Integer, Long> lastOffsets(List<ConsumerRecord<String, byte[]>> records) {
        Map<Integer, Long> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            last.merge(record.partition(), record.offset(), Math::max);
        }
        return last;
    }
}
