package io.fms.processor.it;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.support.tracing.TraceParent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events and dead-letter topics from the start, as a downstream consumer would, for tests to inspect. */
final class TopicRecorder {

    private final Map<UUID, List<BookingEvent>> eventsByBooking = new ConcurrentHashMap<>();
    private final List<ConsumerRecord<String, byte[]>> deadLetters = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> traceparentByEvent = new ConcurrentHashMap<>();

    TopicRecorder(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.BOOKING_EVENTS, Topics.BOOKING_COMMANDS_DLT));
        Thread thread = new Thread(
                () -> {
                    while (true) {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                            if (record.topic().equals(Topics.BOOKING_COMMANDS_DLT)) {
                                deadLetters.add(record);
                            } else {
                                BookingEvent event = BookingJson.readEvent(record.value());
                                String traceparent = TraceParent.of(record.headers());
                                if (traceparent != null) {
                                    traceparentByEvent.put(event.eventId(), traceparent);
                                }
                                eventsByBooking
                                        .computeIfAbsent(event.bookingId(), id -> new CopyOnWriteArrayList<>())
                                        .add(event);
                            }
                        }
                    }
                },
                "test-topic-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Every copy of every event published for the booking, republished ones included. */
    List<BookingEvent> events(UUID bookingId) {
        return new ArrayList<>(eventsByBooking.getOrDefault(bookingId, List.of()));
    }

    /** The traceparent header the event's last copy carried, or null. */
    String traceparent(BookingEvent event) {
        return traceparentByEvent.get(event.eventId());
    }

    /** The booking's events with republished copies (same event ID) dropped, as a de-duplicating consumer sees them. */
    List<BookingEvent> distinctEvents(UUID bookingId) {
        Map<UUID, BookingEvent> byId = new java.util.LinkedHashMap<>();
        events(bookingId).forEach(event -> byId.putIfAbsent(event.eventId(), event));
        return new ArrayList<>(byId.values());
    }

    List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        return deadLetters.stream().filter(record -> key.equals(record.key())).toList();
    }
}
