package io.fms.processor.batch;

import io.fms.events.Availability;
import io.fms.events.PartitionProgress;
import io.fms.processor.decision.IncomingCommand;
import io.fms.processor.decision.PartitionClock;
import io.fms.processor.decision.TripState;
import io.fms.processor.store.OffsetAdvance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The partitions one batch spans, each with its {@link PartitionState}. */
final class BatchPartitions {

    private static final Logger log = LoggerFactory.getLogger(BatchPartitions.class);

    private final Map<TopicPartition, PartitionState> states = new LinkedHashMap<>();
    private final Function<Set<UUID>, Map<UUID, TripState>> catalog;

    BatchPartitions(Function<Set<UUID>, Map<UUID, TripState>> catalog) {
        this.catalog = catalog;
    }

    static Set<TopicPartition> of(List<ConsumerRecord<String, byte[]>> records) {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        records.forEach(record -> partitions.add(partitionOf(record)));
        return partitions;
    }

    void add(TopicPartition partition, PartitionState state) {
        states.put(partition, state);
    }

    /** The records whose partition has not stored a decision for them yet, in order. */
    List<ConsumerRecord<String, byte[]>> undecided(List<ConsumerRecord<String, byte[]>> records) {
        List<ConsumerRecord<String, byte[]>> undecided = records.stream()
                .filter(record -> states.get(partitionOf(record)).undecided(record.offset()))
                .toList();
        if (undecided.size() < records.size()) {
            log.info("skipped {} record(s) already decided", records.size() - undecided.size());
        }
        return undecided;
    }

    /** The commands' known trips, loading from the catalog those their partition meets for the first time. */
    Map<UUID, TripState> trips(String topic, List<IncomingCommand> commands) {
        Map<UUID, TripState> trips = new HashMap<>();
        Map<UUID, PartitionState> missing = new HashMap<>();
        for (IncomingCommand incoming : commands) {
            UUID tripId = incoming.command().tripId();
            PartitionState state = states.get(new TopicPartition(topic, incoming.partition()));
            TripState known = state.trip(tripId);
            if (known != null) {
                trips.put(tripId, known);
            } else {
                missing.put(tripId, state);
            }
        }
        catalog.apply(missing.keySet()).forEach((tripId, trip) -> {
            missing.get(tripId).loaded(tripId, trip);
            trips.put(tripId, trip);
        });
        return trips;
    }

    /** Each partition's progress once {@code decided} is committed: past the last of its records there. */
    List<OffsetAdvance> advancesPast(List<ConsumerRecord<String, byte[]>> decided) {
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        decided.forEach(record -> lastOffsets.merge(partitionOf(record), record.offset(), Math::max));
        List<OffsetAdvance> advances = new ArrayList<>(lastOffsets.size());
        lastOffsets.forEach(
                (partition, last) -> advances.add(states.get(partition).advanceTo(last + 1)));
        return advances;
    }

    void advanced(List<OffsetAdvance> advances) {
        for (OffsetAdvance advance : advances) {
            states.get(new TopicPartition(advance.topic(), advance.partition())).advanced(advance);
        }
    }

    List<Availability> staleAvailabilities(Collection<UUID> touched, Instant now) {
        List<Availability> availabilities = new ArrayList<>();
        states.values().forEach(state -> availabilities.addAll(state.staleAvailabilities(touched, now)));
        return availabilities;
    }

    PartitionClock clock(String topic, int partition) {
        return states.get(new TopicPartition(topic, partition)).clock();
    }

    /** After a commit: each partition's timers for the ticker, and its progress for queued bookings' places. */
    List<PartitionProgress> committed(List<ConsumerRecord<String, byte[]>> decided, Instant now) {
        Map<TopicPartition, Integer> counts = new HashMap<>();
        decided.forEach(record -> counts.merge(partitionOf(record), 1, Integer::sum));
        List<PartitionProgress> progress = new ArrayList<>(states.size());
        states.forEach((partition, state) -> {
            state.publishTimers();
            progress.add(state.progress(counts.getOrDefault(partition, 0), now));
        });
        return progress;
    }

    void availabilityWritten() {
        states.values().forEach(PartitionState::availabilityWritten);
    }

    private static TopicPartition partitionOf(ConsumerRecord<String, byte[]> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
