package io.fms.processor.intake;

import io.fms.processor.ProcessorProperties;
import io.fms.processor.decision.TripState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * What each owned partition's consumer thread holds in memory. The map is shared by the consumer threads, but each
 * entry is only ever touched by the thread that owns its partition, which is why {@link State} needs no locks.
 */
@Component
class PartitionStates {

    private final Map<TopicPartition, State> states = new ConcurrentHashMap<>();
    private final int tripsPerPartitionMax;

    PartitionStates(ProcessorProperties properties) {
        this.tripsPerPartitionMax = properties.tripsPerPartitionMax();
    }

    /**
     * One partition's trips and progress.
     *
     * <p>Trips are kept least-recently-used first and the oldest is forgotten past the limit: memory stays bounded
     * however many trips a partition sees, and a forgotten trip is simply loaded from Postgres again when next met,
     * which is only correct because its state there is committed whenever no batch is running.
     */
    static final class State {
        /**
         * What {@code consumer_offsets} said when the state was loaded, then what this thread last committed; null
         * while there is no row.
         */
        Long storedNextOffset;

        final Map<UUID, TripState> trips;
        // Trips whose availability snapshot is still to be written: first loaded, or a write that failed.
        final Set<UUID> staleAvailability = new HashSet<>();

        State(Long storedNextOffset, int tripsMax) {
            this.storedNextOffset = storedNextOffset;
            this.trips = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, TripState> eldest) {
                    if (size() <= tripsMax) {
                        return false;
                    }
                    staleAvailability.remove(eldest.getKey());
                    return true;
                }
            };
        }
    }

    State create(Long storedNextOffset) {
        return new State(storedNextOffset, tripsPerPartitionMax);
    }

    Optional<State> get(TopicPartition partition) {
        return Optional.ofNullable(states.get(partition));
    }

    void put(TopicPartition partition, State state) {
        states.put(partition, state);
    }

    /** Forgets a partition: when it is revoked, or when a batch on it failed and memory may hold uncommitted seats. */
    void drop(TopicPartition partition) {
        states.remove(partition);
    }
}
