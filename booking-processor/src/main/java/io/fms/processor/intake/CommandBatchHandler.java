package io.fms.processor.intake;

import io.fms.events.Availability;
import io.fms.events.BookingStatus;
import io.fms.processor.BookingMetrics;
import io.fms.processor.decision.BatchDecider;
import io.fms.processor.decision.BatchDecisions;
import io.fms.processor.decision.BookingRecord;
import io.fms.processor.decision.IncomingCommand;
import io.fms.processor.decision.TripState;
import io.fms.processor.intake.CommandReader.Read;
import io.fms.processor.intake.CommandReader.Readable;
import io.fms.processor.intake.CommandReader.Unreadable;
import io.fms.processor.intake.PartitionStates.State;
import io.fms.processor.ledger.BookingLedger;
import io.fms.processor.ledger.OffsetAdvance;
import io.fms.processor.ledger.OutboxRow;
import io.fms.processor.ledger.TripCatalog;
import io.fms.processor.outbox.OutboxPublisher;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
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
 *
 * <p>Runs on the consumer thread that owns the batch's partitions. Any failure before the commit drops those
 * partitions' in-memory state, which may hold decisions that were never committed, and rethrows: the container's
 * error handler retries the batch and the retry recomputes from Postgres.
 */
@Component
class CommandBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandBatchHandler.class);

    private final PartitionStates states;
    private final TripCatalog catalog;
    private final BookingLedger ledger;
    private final DeadLetters deadLetters;
    private final OutboxPublisher publisher;
    private final BookingMetrics metrics;
    private final Clock clock;
    private final BatchDecider decider = new BatchDecider(UUID::randomUUID);

    CommandBatchHandler(
            PartitionStates states,
            TripCatalog catalog,
            BookingLedger ledger,
            DeadLetters deadLetters,
            OutboxPublisher publisher,
            BookingMetrics metrics,
            Clock clock) {
        this.states = states;
        this.catalog = catalog;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
    }

    void handle(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        records.forEach(record -> partitions.add(new TopicPartition(record.topic(), record.partition())));
        Committed committed;
        try {
            committed = decideAndCommit(records, partitions);
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
            try {
                publish(committed);
            } finally {
                publisher.release(committed.outbox());
            }
        }
    }

    private record Committed(
            BatchDecisions decisions, List<OutboxRow> outbox, Map<TopicPartition, State> states, Instant now) {}

    private Committed decideAndCommit(List<ConsumerRecord<String, byte[]>> records, Set<TopicPartition> partitions) {
        Instant now = clock.instant();
        Map<TopicPartition, State> batchStates = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            batchStates.put(partition, stateOf(partition));
        }
        // Records below the stored offset were decided by a batch whose commit this thread could not see (a retry
        // after an ambiguous commit, a seek that failed on assignment): deciding them again would repeat decisions.
        List<ConsumerRecord<String, byte[]>> fresh = new ArrayList<>(records.size());
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long stored = batchStates.get(partition).storedNextOffset;
            if (stored == null || record.offset() >= stored) {
                fresh.add(record);
                lastOffsets.merge(partition, record.offset(), Math::max);
            }
        }
        if (fresh.size() < records.size()) {
            log.info("skipped {} record(s) already decided", records.size() - fresh.size());
        }
        if (fresh.isEmpty()) {
            return null;
        }
        metrics.batchSize(fresh.size());

        List<IncomingCommand> commands = new ArrayList<>(fresh.size());
        List<Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : fresh) {
            Read read = CommandReader.read(record);
            switch (read) {
                case Readable readable -> commands.add(readable.command());
                case Unreadable bad -> {
                    log.warn(
                            "unreadable command at {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            bad.error());
                    unreadable.add(bad);
                }
            }
        }

        Map<UUID, TripState> trips = tripsOf(commands, fresh.getFirst().topic(), batchStates);
        Set<UUID> bookingIds = new HashSet<>();
        commands.forEach(command -> bookingIds.add(command.command().bookingId()));
        Map<UUID, BookingRecord> recorded = ledger.findBookings(bookingIds);

        BatchDecisions decisions = decider.decide(commands, trips, recorded, now);
        List<OutboxRow> outbox = decisions.events().stream().map(OutboxRow::of).toList();
        deadLetters.send(unreadable);

        List<OffsetAdvance> offsets = new ArrayList<>();
        lastOffsets.forEach((partition, last) -> offsets.add(new OffsetAdvance(
                partition.topic(), partition.partition(), batchStates.get(partition).storedNextOffset, last + 1)));
        publisher.claim(outbox);
        try {
            metrics.batchCommit().record(() -> ledger.commit(decisions, outbox, offsets, now));
        } catch (RuntimeException | Error e) {
            publisher.release(outbox);
            throw e;
        }
        for (OffsetAdvance offset : offsets) {
            batchStates.get(new TopicPartition(offset.topic(), offset.partition())).storedNextOffset =
                    offset.nextOffset();
        }

        count(decisions, unreadable.size());
        return new Committed(decisions, outbox, batchStates, now);
    }

    private State stateOf(TopicPartition partition) {
        return states.get(partition).orElseGet(() -> {
            State loaded = states.create(nullable(ledger.nextOffset(partition.topic(), partition.partition())));
            states.put(partition, loaded);
            return loaded;
        });
    }

    /** The batch's known trips, loading from Postgres those their partition meets for the first time. */
    private Map<UUID, TripState> tripsOf(
            List<IncomingCommand> commands, String topic, Map<TopicPartition, State> batchStates) {
        Map<UUID, TripState> trips = new HashMap<>();
        Map<UUID, TopicPartition> tripPartitions = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (IncomingCommand incoming : commands) {
            UUID tripId = incoming.command().tripId();
            TopicPartition partition = new TopicPartition(topic, incoming.partition());
            tripPartitions.put(tripId, partition);
            TripState known = batchStates.get(partition).trips.get(tripId);
            if (known != null) {
                trips.put(tripId, known);
            } else {
                missing.add(tripId);
            }
        }
        Map<UUID, TripState> loaded = catalog.load(missing);
        loaded.forEach((tripId, trip) -> {
            State state = batchStates.get(tripPartitions.get(tripId));
            state.trips.put(tripId, trip);
            // A trip's availability is published when it is first loaded, even if this batch changes nothing there.
            state.staleAvailability.add(tripId);
            trips.put(tripId, trip);
        });
        return trips;
    }

    private void publish(Committed committed) {
        Set<UUID> touched = committed.decisions().touchedTrips();
        List<Availability> availabilities = new ArrayList<>();
        for (State state : committed.states().values()) {
            touched.stream().filter(state.trips::containsKey).forEach(state.staleAvailability::add);
            for (UUID tripId : state.staleAvailability) {
                TripState trip = state.trips.get(tripId);
                if (trip != null) {
                    availabilities.add(trip.availability(committed.now()));
                }
            }
        }
        boolean written = publisher.publishCommitted(
                committed.outbox(),
                committed.decisions().readModel().stream()
                        .map(BookingRecord::toView)
                        .toList(),
                availabilities);
        if (written) {
            committed.states().values().forEach(state -> state.staleAvailability.clear());
        }
    }

    private void count(BatchDecisions decisions, int deadLettered) {
        // Counted per outcome and batch: looking a counter up per booking costs more than deciding it.
        Map<String, Map<String, Long>> outcomes = new HashMap<>();
        for (BookingRecord booking : decisions.decided()) {
            outcomes.computeIfAbsent(booking.status().name().toLowerCase(), status -> new HashMap<>())
                    .merge(booking.reason() == null ? "none" : booking.reason().name(), 1L, Long::sum);
        }
        outcomes.forEach(
                (outcome, reasons) -> reasons.forEach((reason, count) -> metrics.decided(outcome, reason, count)));
        if (!decisions.cancelled().isEmpty()) {
            metrics.decided("cancelled", "none", decisions.cancelled().size());
        }
        metrics.duplicates(decisions.duplicates().size());
        metrics.ignoredCancellations(decisions.ignored().size());
        metrics.deadLettered(deadLettered);
        decisions
                .duplicates()
                .forEach(duplicate -> log.info(
                        "booking {} already decided ({}), not decided again",
                        duplicate.bookingId(),
                        duplicate.status()));
        decisions
                .ignored()
                .forEach(ignored -> log.info(
                        "cancellation of booking {} on trip {} ignored: {}",
                        ignored.bookingId(),
                        ignored.tripId(),
                        ignored.why()));
        if (log.isDebugEnabled()) {
            long confirmed = decisions.decided().stream()
                    .filter(booking -> booking.status() == BookingStatus.CONFIRMED)
                    .count();
            log.debug(
                    "batch decided {} ({} confirmed), cancelled {}",
                    decisions.decided().size(),
                    confirmed,
                    decisions.cancelled().size());
        }
    }

    private static Long nullable(OptionalLong offset) {
        return offset.isPresent() ? offset.getAsLong() : null;
    }
}
