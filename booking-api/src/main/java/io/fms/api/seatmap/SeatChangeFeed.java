package io.fms.api.seatmap;

import io.fms.events.BookingJson;
import io.fms.events.SeatsChanged;
import io.fms.events.Topics;
import io.fms.events.UnreadableRecordException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the processor's seat deltas ({@link Topics#SEAT_CHANGES}) from every partition, from the end onwards, and
 * hands them to the streams. Every instance reads them all: no consumer group, no committed offsets. A stream starts
 * from Postgres, so what went before this instance started does not matter, and what this instance misses (Kafka
 * away for a while) is repaired by the streams' comparisons with Postgres.
 */
@Component
class SeatChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SeatChangeFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);

    private final ConsumerFactory<String, byte[]> consumers;
    private final SeatStreams streams;
    private final Counter unreadable;
    private volatile Consumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    SeatChangeFeed(ConsumerFactory<String, byte[]> consumers, SeatStreams streams, MeterRegistry registry) {
        this.consumers = consumers;
        this.streams = streams;
        this.unreadable = Counter.builder("fms.api.seat.changes.unreadable")
                .description("Seat change records the API could not read (skipped; streams repair from Postgres)")
                .register(registry);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("seat-change-feed").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread current2 = thread;
        if (current2 != null) {
            try {
                current2.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        // Read what is new: the group-less consumer commits nothing, and a stream never needs the past.
        Map<String, Object> overrides = Map.of(
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // The processor does not write transactionally; nothing to wait for.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(overrides);
        try (Consumer<String, byte[]> kafka = consumers.createConsumer(null, "fms-seat-feed", null, properties)) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            if (partitions.isEmpty()) {
                return;
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            log.info("following seat changes on {} partition(s) of {}", partitions.size(), Topics.SEAT_CHANGES);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    hand(record);
                }
            }
        } catch (WakeupException e) {
            // stop() woke the poll.
        } catch (RuntimeException e) {
            log.error("seat change feed stopped; streams now follow Postgres only", e);
        }
    }

    private List<TopicPartition> awaitPartitions(Consumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(Topics.SEAT_CHANGES, Duration.ofSeconds(5));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("{} not described yet: {}", Topics.SEAT_CHANGES, e.getMessage());
            }
            try {
                Thread.sleep(TOPIC_RETRY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        return List.of();
    }

    private void hand(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            unreadable.increment();
            return;
        }
        try {
            streams.accept(BookingJson.readPlain(record.value(), SeatsChanged.class));
        } catch (UnreadableRecordException | IllegalArgumentException | NullPointerException e) {
            unreadable.increment();
            log.warn(
                    "unreadable seat change at {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }
}
