package io.fms.processor.outbox;

import io.fms.events.Availability;
import io.fms.events.BookingView;
import io.fms.events.PartitionProgress;
import io.fms.events.Topics;
import io.fms.processor.BookingMetrics;
import io.fms.processor.ProcessorProperties;
import io.fms.processor.decision.BatchDecisions.WaitlistMove;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.readmodel.ReadModel;
import io.fms.processor.store.BookingLedger;
import io.fms.support.tracing.TraceParent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes committed decisions: events to {@link Topics#BOOKING_EVENTS} (acknowledged), bookings and availability
 * to the read model, then clears their outbox rows. Nothing here throws: what fails stays in the outbox, and the
 * sweeper or the next owner of the partition publishes it again under the same event IDs.
 *
 * <p>A booking's events reach Kafka in the order they were decided. A command partition whose outbox may hold rows
 * older than a batch's own (a publish of this instance failed, or the partition came from another owner) is
 * unsettled: its batches do not send their own rows ahead, but send the partition's whole outbox in order, oldest
 * first, and it is settled again once that outbox is empty. Otherwise a cancellation could overtake the
 * confirmation it cancels, and a traveller would read "cancelled" before "confirmed".
 */
@Component
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final ReadModel readModel;
    private final OutboxStore outbox;
    private final BookingLedger ledger;
    private final BookingMetrics metrics;
    private final int sweepBatchSize;
    private final long publishTimeoutNanos;
    // Event IDs of rows a batch is committing or publishing itself. On a busy machine a batch can take longer than
    // the sweeper's minimum age; publishing its rows twice would be wasted work and duplicate events.
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    // Command partitions whose outbox may hold rows older than the next batch's; see the class comment.
    private final Set<Integer> unsettled = ConcurrentHashMap.newKeySet();

    public OutboxPublisher(
            KafkaTemplate<String, byte[]> kafka,
            ReadModel readModel,
            OutboxStore outbox,
            BookingLedger ledger,
            ProcessorProperties properties,
            BookingMetrics metrics) {
        this.kafka = kafka;
        this.readModel = readModel;
        this.outbox = outbox;
        this.ledger = ledger;
        this.metrics = metrics;
        this.sweepBatchSize = properties.outboxSweepBatchSize();
        this.publishTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(properties.publishTimeoutMs());
    }

    /**
     * Runs a batch's commit with its rows claimed: the batch publishes them itself, so the sweeper leaves them alone
     * until they are released. A commit that fails releases them at once.
     */
    public void commitClaimed(List<OutboxRow> rows, Runnable commit) {
        rows.forEach(row -> inFlight.add(row.eventId()));
        try {
            commit.run();
        } catch (RuntimeException | Error e) {
            release(rows);
            throw e;
        }
    }

    /** The batch is done with its rows, published or not: whatever is left in the outbox is the sweeper's again. */
    public void release(List<OutboxRow> rows) {
        rows.forEach(row -> inFlight.remove(row.eventId()));
    }

    /**
     * Publishes what a batch just committed. Returns whether the read model (availability included) was written, so
     * the caller can try the availability again later.
     */
    public boolean publishCommitted(
            List<OutboxRow> rows,
            List<BookingRecord> bookings,
            List<Availability> availabilities,
            List<WaitlistMove> waitlist,
            List<PartitionProgress> progress) {
        Set<Integer> behind = new TreeSet<>();
        rows.stream().map(OutboxRow::partition).filter(unsettled::contains).forEach(behind::add);
        List<OutboxRow> ready = behind.isEmpty()
                ? rows
                : rows.stream().filter(row -> !behind.contains(row.partition())).toList();
        Published published =
                publish(ready, bookings.stream().map(BookingRecord::toView).toList(), availabilities);
        behind.forEach(this::settle);
        try {
            readModel.writeQueues(waitlist, progress);
        } catch (RuntimeException e) {
            // Places in queues and waitlists are shown, never decided on: the next batch writes them again.
            log.warn("queue positions not written: {}", e.toString());
        }
        return published.readModelWritten();
    }

    /**
     * Publishes the whole outbox of newly owned partitions, oldest first: rows a previous owner left. Runs on the
     * consumer thread that now owns them, before their first batch.
     */
    public void settle(Collection<Integer> partitions) {
        unsettled.addAll(partitions);
        partitions.forEach(this::settle);
    }

    private void settle(int partition) {
        List<OutboxRow> pending = outbox.pending(List.of(partition), 0, sweepBatchSize);
        // Rows in flight here are this thread's own batch's: a partition has one owner, so none to leave alone.
        if (publishFromStore(pending) && pending.size() < sweepBatchSize) {
            unsettled.remove(partition);
        }
    }

    /**
     * Publishes rows whose batch could not: after a crash, or while Kafka or Redis was away. Their bookings are read
     * back from Postgres, so the read model gets each booking's current state, not the one of the event.
     */
    public void republish(List<OutboxRow> found) {
        publishFromStore(
                found.stream().filter(row -> !inFlight.contains(row.eventId())).toList());
    }

    /** Whether every row went out and the read model was written; the bookings' views come from Postgres. */
    private boolean publishFromStore(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return true;
        }
        Set<UUID> bookingIds = new LinkedHashSet<>();
        rows.forEach(row -> bookingIds.add(row.bookingId()));
        Map<UUID, BookingRecord> bookings = ledger.findBookings(bookingIds);
        List<BookingView> views = bookingIds.stream()
                .map(bookings::get)
                .filter(booking -> booking != null)
                .map(BookingRecord::toView)
                .toList();
        Published published = publish(rows, views, List.of());
        if (published.readModelWritten()) {
            log.info("republished {} outbox event(s)", rows.size());
        }
        return published.readModelWritten() && published.allSent();
    }

    private record Published(boolean readModelWritten, boolean allSent) {}

    private Published publish(List<OutboxRow> rows, List<BookingView> bookings, List<Availability> availabilities) {
        List<UUID> sent = send(rows);
        if (sent.size() < rows.size()) {
            Set<UUID> out = new HashSet<>(sent);
            rows.stream().filter(row -> !out.contains(row.eventId())).forEach(row -> unsettled.add(row.partition()));
        }
        boolean readModelWritten;
        try {
            readModel.write(bookings, availabilities);
            readModelWritten = true;
        } catch (RuntimeException e) {
            log.warn("read model not written, left to the outbox sweeper: {}", e.toString());
            readModelWritten = false;
        }
        if (!readModelWritten || sent.size() < rows.size()) {
            metrics.publishFailed();
        }
        if (readModelWritten && !sent.isEmpty()) {
            try {
                outbox.delete(sent);
            } catch (RuntimeException e) {
                // The events are out; the rows go out once more later, with the same event IDs.
                log.warn("published outbox rows not cleared: {}", e.toString());
            }
        }
        return new Published(readModelWritten, sent.size() == rows.size());
    }

    /** The event IDs Kafka acknowledged within the publish timeout. */
    private List<UUID> send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        Topics.BOOKING_EVENTS, row.bookingId().toString(), row.payload());
                record.headers().add(Topics.HEADER_TYPE, row.eventType().getBytes(StandardCharsets.UTF_8));
                TraceParent.put(record.headers(), row.traceparent());
                futures.add(kafka.send(record));
            }
        } catch (RuntimeException e) {
            // A send that cannot even be queued (no broker within max.block.ms) will not be the only one: stop here
            // rather than wait that long once per row.
            log.warn("events not sent, left to the outbox sweeper: {}", e.toString());
        }
        long deadlineNanos = System.nanoTime() + publishTimeoutNanos;
        List<UUID> acknowledged = new ArrayList<>(futures.size());
        for (int index = 0; index < futures.size(); index++) {
            try {
                futures.get(index).get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(rows.get(index).eventId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                log.warn(
                        "event {} not acknowledged, left to the outbox sweeper: {}",
                        rows.get(index).eventId(),
                        e.toString());
            }
        }
        return acknowledged;
    }
}
