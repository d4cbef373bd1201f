package io.fms.processor.intake;

import io.fms.processor.decision.TripState;
import java.util.HashMap;
import java.util.HashSet;
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

    /**
     * One partition's trips and progress.
     *
     * @param storedNextOffset what {@code consumer_offsets} said when the state was loaded, then what this thread last
     *     committed; null while there is no row
     */
    static final class State {
        Long storedNextOffset;
        final Map<UUID, TripState> trips = new HashMap<>();
        // Trips whose availability snapshot could not be written; tried again with the partition's next batch.
        final Set<UUID> staleAvailability = new HashSet<>();

        State(Long storedNextOffset) {
            this.storedNextOffset = storedNextOffset;
        }
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
