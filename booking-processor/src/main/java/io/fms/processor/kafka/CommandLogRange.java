package io.fms.processor.kafka;

import io.fms.processor.batch.PartitionStates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Whether the offset Postgres holds for a partition lies inside the partition's log, checked once per assignment
 * before anything on it is decided. Outside it, the log is not the one the decisions were made from: the topic was
 * recreated, or a broker lost its data while Postgres kept its offsets. Reading on would take every new command
 * for one already decided (its offset is below the stored one) and skip it, so the partition is refused instead:
 * nothing on it is decided, {@code /health} shows {@code commandLog} DOWN with the offsets, the log says what to
 * do, and {@code fms_processor_partitions_refused} counts it. It stays refused until an operator has made the
 * stored offsets right and the partition is assigned again.
 */
// Named so that /health calls it "commandLog".
@Component("commandLogHealthIndicator")
public class CommandLogRange extends AbstractHealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(CommandLogRange.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Why a partition is refused: its stored offset and the log's bounds. */
    record Refusal(long storedNextOffset, long logStart, long logEnd) {}

    private final PartitionStates states;
    private final Set<TopicPartition> verified = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Refusal> refused = new ConcurrentHashMap<>();

    CommandLogRange(PartitionStates states, MeterRegistry meters) {
        super("command log range check failed");
        this.states = states;
        Gauge.builder("fms.processor.partitions.refused", refused, Map::size)
                .description(
                        "Command partitions whose stored offset lies outside their log; nothing on them is decided")
                .register(meters);
    }

    /** A partition assigned anew is checked again before its first batch. */
    void forget(Collection<TopicPartition> partitions) {
        verified.removeAll(partitions);
        partitions.forEach(refused::remove);
    }

    /**
     * Checks the partitions not yet checked since they were assigned; answers those refused. Throws, checking
     * nothing more, when Postgres or Kafka does not answer: the batch is then retried.
     */
    Set<TopicPartition> refusedOf(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> unchecked = partitions.stream()
                .filter(partition -> !verified.contains(partition))
                .toList();
        if (!unchecked.isEmpty()) {
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(unchecked, TIMEOUT);
            Map<TopicPartition, Long> ends = consumer.endOffsets(unchecked, TIMEOUT);
            for (TopicPartition partition : unchecked) {
                OptionalLong stored = states.current(partition).storedNextOffset();
                long start = starts.get(partition);
                long end = ends.get(partition);
                if (stored.isPresent() && (stored.getAsLong() < start || stored.getAsLong() > end)) {
                    refuse(consumer, partition, new Refusal(stored.getAsLong(), start, end));
                }
                verified.add(partition);
            }
        }
        return refused.keySet();
    }

    private void refuse(Consumer<?, ?> consumer, TopicPartition partition, Refusal refusal) {
        refused.put(partition, refusal);
        consumer.pause(List.of(partition));
        log.error(
                "Refusing {}: Postgres says its decisions end at offset {}, but its log runs from {} to {}. The topic"
                        + " was recreated or lost data while Postgres kept its offsets; reading on would skip every"
                        + " new command as already decided. Make booking.consumer_offsets match the log (or restore"
                        + " the log), then restart this processor.",
                partition,
                refusal.storedNextOffset(),
                refusal.logStart(),
                refusal.logEnd());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (refused.isEmpty()) {
            builder.up();
            return;
        }
        builder.down();
        refused.forEach((partition, refusal) -> builder.withDetail(partition.toString(), refusal));
    }
}
