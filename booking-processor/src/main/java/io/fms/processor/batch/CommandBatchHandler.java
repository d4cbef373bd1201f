package io.fms.processor.batch;

import io.fms.events.PartitionProgress;
import io.fms.processor.BookingMetrics;
import io.fms.processor.DecisionLatency;
import io.fms.processor.decision.BatchDecider;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.decision.TripState;
import io.fms.processor.kafka.CommandReader;
import io.fms.processor.kafka.DeadLetters;
import io.fms.processor.outbox.OutboxPublisher;
import io.fms.processor.outbox.OutboxRow;
import io.fms.processor.seatmap.SeatChangePublisher;
import io.fms.processor.store.BookingLedger;
import io.fms.processor.store.OffsetAdvance;
import io.fms.support.FmsKafkaProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One batch of command records, from poll to read model: skip what Postgres says is already decided, read, load the
 * trips first met, decide, dead-letter the unreadable, commit decisions and offsets in one transaction, publish.
 * Runs on the consumer thread that owns the batch's partitions. Any failure before the commit drops those partitions'
 * in-memory state, which may hold decisions that were never committed, and rethrows: the container's error handler
 * retries the batch, and the retry recomputes from Postgres.
 */
@Component
public class CommandBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandBatchHandler.class);

    private final PartitionStates states;
    private final BookingLedger ledger;
    private final DeadLetters deadLetters;
    private final OutboxPublisher publisher;
    private final BookingMetrics metrics;
    private final BatchOutcomes outcomes;
    private final Clock clock;
    private final BatchDecider decider = new BatchDecider(UUID::randomUUID);
    private final CommandReader reader;
    // After-commit observers: live seat maps and latency; neither can fail or hold up a batch.
    private final SeatChangePublisher seatChanges;
    private final DecisionLatency decisionLatency;

    CommandBatchHandler(
            PartitionStates states,
            BookingLedger ledger,
            DeadLetters deadLetters,
            OutboxPublisher publisher,
            BookingMetrics metrics,
            BatchOutcomes outcomes,
            FmsKafkaProperties topics,
            Clock clock,
            SeatChangePublisher seatChanges,
            DecisionLatency decisionLatency) {
        this.reader = new CommandReader(topics.commandPartitions());
        this.states = states;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.metrics = metrics;
        this.outcomes = outcomes;
        this.clock = clock;
        this.seatChanges = seatChanges;
        this.decisionLatency = decisionLatency;
    }

    public void handle(List<ConsumerRecord<String, byte[]>> records) {
        Set<TopicPartition> partitions = BatchPartitions.of(records);
        Committed committed;
        try {
            committed = decideAndCommit(records, states.of(partitions));
        } catch (RuntimeException | Error e) {
            // Whatever failed, the in-memory trips may hold decisions Postgres never saw: reload them before a retry.
            partitions.forEach(states::drop);
            log.warn(
                    "batch of {} record(s) on {} not committed, state dropped, to be retried: {}",
                    records.size(),
                    partitions,
                    e.toString());
            throw e;
        }
        if (committed != null) {
            seatChanges.publish(records, committed.decisions());
            decisionLatency.record(committed.decisions());
            try {
                publish(committed);
            } finally {
                publisher.release(committed.outbox());
            }
        }
    }

    private record Committed(
            BatchDecisions decisions,
            List<OutboxRow> outbox,
            BatchPartitions batch,
            List<PartitionProgress> progress,
            Instant now) {}

    /** Everything up to the commit; null when every record was already decided. */
    private Committed decideAndCommit(List<ConsumerRecord<String, byte[]>> records, BatchPartitions batch) {
        Instant now = clock.instant();
        List<ConsumerRecord<String, byte[]>> undecided = batch.undecided(records);
        if (undecided.isEmpty()) {
            return null;
        }
        metrics.batchSize(undecided.size());

        CommandReader.Reads read = reader.readAll(undecided);
        Map<UUID, TripState> trips = batch.trips(undecided.getFirst().topic(), read.commands());
        Map<UUID, BookingRecord> recorded = ledger.findBookings(read.bookingIds());
        String topic = undecided.getFirst().topic();
        BatchDecisions decisions =
                decider.decide(read.commands(), trips, recorded, partition -> batch.clock(topic, partition));
        List<OutboxRow> outbox = decisions.events().stream().map(OutboxRow::of).toList();
        deadLetters.send(read.unreadable());

        List<OffsetAdvance> offsets = batch.advancesPast(undecided);
        publisher.commitClaimed(
                outbox, () -> metrics.batchCommit().record(() -> ledger.commit(decisions, outbox, offsets, now)));
        batch.advanced(offsets);

        outcomes.count(decisions, read.unreadable().size());
        return new Committed(decisions, outbox, batch, batch.committed(undecided, now), now);
    }

    private void publish(Committed committed) {
        boolean written = publisher.publishCommitted(
                committed.outbox(),
                committed.decisions().readModel(),
                committed.batch().staleAvailabilities(committed.decisions().touchedTrips(), committed.now()),
                committed.decisions().waitlist(),
                committed.progress());
        if (written) {
            committed.batch().availabilityWritten();
        }
    }
}
