package io.fms.processor.kafka;

import io.fms.events.Topics;
import io.fms.processor.batch.PartitionStates;
import io.fms.processor.outbox.OutboxSweeper;
import io.fms.processor.outbox.OwnedPartitions;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * Starts each assigned partition where Postgres says its decisions end, and forgets a partition's trips when it is
 * revoked, so whoever owns it next starts from the truth rather than from another instance's memory.
 */
@Component
class CommandRebalanceListener implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CommandRebalanceListener.class);

    private final PartitionStates states;
    private final OwnedPartitions owned;
    private final OutboxSweeper outbox;
    private final CommandLogRange logRange;

    CommandRebalanceListener(
            PartitionStates states, OwnedPartitions owned, OutboxSweeper outbox, CommandLogRange logRange) {
        this.states = states;
        this.owned = owned;
        this.outbox = outbox;
        this.logRange = logRange;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> commands = commandPartitions(partitions);
        logRange.forget(commands);
        for (TopicPartition partition : commands) {
            states.drop(partition);
            try {
                OptionalLong next = states.load(partition).storedNextOffset();
                if (next.isPresent()) {
                    consumer.seek(partition, next.getAsLong());
                } else {
                    // Postgres is the record: with no progress recorded, every command on the partition is undecided.
                    consumer.seekToBeginning(List.of(partition));
                }
            } catch (RuntimeException e) {
                // Kafka's committed offset cannot stand in: it can run ahead of Postgres (a retried batch that
                // outlived a rebalance commits its whole poll), and starting there would skip undecided commands.
                // From the beginning, the batch handler loads the recorded offset once Postgres answers and skips
                // what is already decided: slower, never lossy.
                log.warn(
                        "offset of {} not read from Postgres on assignment, reading from the beginning: {}",
                        partition,
                        e.toString());
                consumer.seekToBeginning(List.of(partition));
            }
        }
        owned.assigned(commands.stream().map(TopicPartition::partition).toList());
        if (!commands.isEmpty()) {
            try {
                outbox.publishPending(
                        commands.stream().map(TopicPartition::partition).toList());
            } catch (RuntimeException e) {
                log.warn("pending outbox rows of {} left to the sweeper: {}", commands, e.toString());
            }
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        List<TopicPartition> commands = commandPartitions(partitions);
        commands.forEach(states::drop);
        logRange.forget(commands);
        owned.revoked(commands.stream().map(TopicPartition::partition).toList());
    }

    private static List<TopicPartition> commandPartitions(Collection<TopicPartition> partitions) {
        return partitions.stream()
                .filter(partition -> Topics.BOOKING_COMMANDS.equals(partition.topic()))
                .toList();
    }
}
