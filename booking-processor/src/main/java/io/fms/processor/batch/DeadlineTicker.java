package io.fms.processor.batch;

import io.fms.events.BookingJson;
import io.fms.events.PartitionTick;
import io.fms.events.Topics;
import io.fms.processor.ProcessorProperties;
import io.fms.processor.decision.PartitionClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Keeps time moving on quiet partitions. A deadline (a hold expiring, a trip departing with parties waiting) is
 * decided by the first command whose log-append time is past it; when none comes, this appends a
 * {@link PartitionTick} to the partition, so the deadline is decided like any command: once, in order, in the batch
 * that stores the offset, and the same on a replay. It only reads what the partition's consumer thread published
 * after its last batch; the tick's effect is decided by that thread.
 */
@Component
class DeadlineTicker implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeadlineTicker.class);

    private final PartitionStates states;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Clock clock;
    private final Duration interval;
    // When each partition was last ticked: a tick in flight is not followed by another for two intervals.
    private final Map<TopicPartition, Instant> lastTicks = new ConcurrentHashMap<>();

    DeadlineTicker(
            PartitionStates states, KafkaTemplate<String, byte[]> kafka, Clock clock, ProcessorProperties properties) {
        this.states = states;
        this.kafka = kafka;
        this.clock = clock;
        this.interval = Duration.ofMillis(properties.tickIntervalMs());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::tickDuePartitions, interval);
    }

    void tickDuePartitions() {
        Instant now = clock.instant();
        for (PartitionState state : states.all()) {
            PartitionClock.Due due = state.nextDeadline();
            if (due == null || !now.isAfter(due.at())) {
                continue;
            }
            TopicPartition partition = state.partition();
            Instant last = lastTicks.get(partition);
            if (last != null && now.isBefore(last.plus(interval.multipliedBy(2)))) {
                continue;
            }
            lastTicks.put(partition, now);
            send(partition, new PartitionTick(due.tripId(), now));
        }
    }

    private void send(TopicPartition partition, PartitionTick tick) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                partition.topic(), partition.partition(), tick.tripId().toString(), BookingJson.write(tick));
        record.headers().add(Topics.HEADER_TYPE, BookingJson.typeOf(tick).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).whenComplete((result, error) -> {
                if (error != null) {
                    log.warn("tick for {} not appended, to be tried again: {}", partition, error.toString());
                }
            });
        } catch (RuntimeException e) {
            log.warn("tick for {} not sent, to be tried again: {}", partition, e.toString());
        }
    }
}
