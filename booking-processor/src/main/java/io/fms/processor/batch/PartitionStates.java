package io.fms.processor.batch;

import io.fms.processor.ProcessorProperties;
import io.fms.processor.store.BookingLedger;
import io.fms.processor.store.TripCatalog;
import io.fms.support.CommandPartitions;
import io.fms.support.FmsKafkaProperties;
import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/** The state of every partition this instance owns, in one map the consumer threads share. */
@Component
public class PartitionStates {

    private final Map<TopicPartition, PartitionState> states = new ConcurrentHashMap<>();
    private final BookingLedger ledger;
    private final TripCatalog catalog;
    private final int tripsPerPartitionMax;
    private final int commandPartitions;

    PartitionStates(
            BookingLedger ledger, TripCatalog catalog, ProcessorProperties properties, FmsKafkaProperties kafka) {
        this.ledger = ledger;
        this.catalog = catalog;
        this.tripsPerPartitionMax = properties.tripsPerPartitionMax();
        this.commandPartitions = kafka.commandPartitions();
    }

    /**
     * Starts the partition afresh from what Postgres says: its stored offset, and the trips with timers (live holds,
     * waiting parties), whose deadlines must pass even if no command names them again; other trips are loaded when
     * met. Throws, changing nothing, when Postgres does not answer.
     */
    public PartitionState load(TopicPartition partition) {
        OptionalLong stored = ledger.nextOffset(partition.topic(), partition.partition());
        PartitionState state =
                new PartitionState(partition, stored.isPresent() ? stored.getAsLong() : null, tripsPerPartitionMax);
        catalog.loadTimed(trip -> CommandPartitions.of(trip, commandPartitions) == partition.partition())
                .forEach(state::loaded);
        state.publishTimers();
        states.put(partition, state);
        return state;
    }

    /** Every partition this instance holds. */
    public Collection<PartitionState> all() {
        return states.values();
    }

    /** The partition's state as this instance holds it, loaded from Postgres when it holds none. */
    public PartitionState current(TopicPartition partition) {
        PartitionState state = states.get(partition);
        return state != null ? state : load(partition);
    }

    /** Forgets a partition: when it is revoked, or when a batch on it failed and memory may hold uncommitted seats. */
    public void drop(TopicPartition partition) {
        states.remove(partition);
    }

    /** The states of a batch's partitions, loading those this thread does not hold. */
    BatchPartitions of(Collection<TopicPartition> partitions) {
        BatchPartitions batch = new BatchPartitions(catalog::load);
        for (TopicPartition partition : partitions) {
            batch.add(partition, current(partition));
        }
        return batch;
    }
}
