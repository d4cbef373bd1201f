package io.fms.e2e;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.events.UnreadableRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What {@code fms.booking.events} holds for some bookings, read by a real consumer from the beginning of the topic,
 * as a downstream system would read it.
 */
final class DecisionEvents {

    /** Every event of the wanted bookings, by booking ID, in topic order; and records that could not be read. */
    record Found(Map<String, List<BookingEvent>> eventsByBooking, List<String> unreadable) {

        /**
         * The booking's events with republished copies dropped (a copy carries its original's event ID: after a crash
         * between a publish and the outbox's clean-up, the event goes out again), as a de-duplicating consumer sees
         * them, in topic order.
         */
        List<BookingEvent> distinct(String bookingId) {
            Set<UUID> seen = new HashSet<>();
            return eventsByBooking.getOrDefault(bookingId, List.of()).stream()
                    .filter(event -> seen.add(event.eventId()))
                    .toList();
        }

        /** Decisions (confirmed or rejected), not cancellations. */
        List<BookingEvent> decisions(String bookingId) {
            return eventsByBooking.getOrDefault(bookingId, List.of()).stream()
                    .filter(event -> !(event instanceof BookingCancelled))
                    .toList();
        }
    }

    private DecisionEvents() {}

    /**
     * Reads until every wanted booking has a decision and the topic's end (as of then) is reached, or the bound passes.
     * Reading to the end after the last wanted decision lets a late duplicate show up too.
     */
    static Found read(String bootstrapServers, Collection<String> bookingIds, Duration bound) {
        Set<String> wanted = new HashSet<>(bookingIds);
        Map<String, List<BookingEvent>> events = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        Instant deadline = Instant.now().plus(bound);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers))) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.BOOKING_EVENTS, Duration.ofSeconds(10)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> endOffsets = null;
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!wanted.contains(record.key())) {
                        continue;
                    }
                    try {
                        BookingEvent event = BookingJson.readEvent(record.value());
                        events.computeIfAbsent(event.bookingId().toString(), id -> new ArrayList<>())
                                .add(event);
                    } catch (UnreadableRecordException e) {
                        unreadable.add(record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                                + e.getMessage());
                    }
                }
                boolean allDecided = wanted.stream()
                        .allMatch(id -> events.getOrDefault(id, List.of()).stream()
                                .anyMatch(event -> !(event instanceof BookingCancelled)));
                if (allDecided && endOffsets == null) {
                    endOffsets = consumer.endOffsets(partitions);
                }
                if (endOffsets != null && reached(consumer, endOffsets)) {
                    break;
                }
            }
        }
        return new Found(events, unreadable);
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> endOffsets) {
        return endOffsets.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        // Only what the producers committed counts as published, as for every real consumer of the topic.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // No group: this reader assigns itself every partition and records no progress.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }
}
