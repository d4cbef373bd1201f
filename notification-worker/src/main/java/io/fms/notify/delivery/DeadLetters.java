package io.fms.notify.delivery;

import io.fms.events.Topics;
import io.fms.notify.NotifyProperties;
import io.fms.support.kafka.DeadLetterHeaders;
import io.fms.support.logging.LogFields;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes to {@link Topics#NOTIFICATIONS_DLT}: the event JSON of a delivery that died, or a record of the events
 * topic that could not be read, with headers saying which channel, why, and where it came from.
 */
@Component
public class DeadLetters {

    public static final String HEADER_CHANNEL = "fms-channel";
    public static final String HEADER_EVENT_ID = "fms-event-id";
    public static final String HEADER_ATTEMPTS = "fms-attempts";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final long timeoutMs;
    private final NotificationMetrics metrics;

    public DeadLetters(KafkaTemplate<String, byte[]> kafka, NotifyProperties properties, NotificationMetrics metrics) {
        this.kafka = kafka;
        this.timeoutMs = properties.deadLetterTimeoutMs();
        this.metrics = metrics;
    }

    /** Blocks until Kafka has the record. */
    public void publishDead(DueDelivery delivery, int attempts, String lastError) {
        var record = new ProducerRecord<>(
                Topics.NOTIFICATIONS_DLT, delivery.bookingId().toString(), delivery.payload());
        Headers headers = record.headers();
        put(headers, Topics.HEADER_TYPE, delivery.eventType());
        put(headers, HEADER_CHANNEL, delivery.channel().name());
        put(headers, HEADER_EVENT_ID, delivery.eventId().toString());
        put(headers, HEADER_ATTEMPTS, Integer.toString(attempts));
        DeadLetterHeaders.add(
                headers,
                Topics.BOOKING_EVENTS,
                delivery.kafkaPartition(),
                delivery.kafkaOffset(),
                lastError == null ? "unknown" : lastError);
        send(record);
    }

    /** Sets the record aside, logged and counted, rather than block its partition or drop it unseen; blocks until Kafka has it. */
    public void publishUnreadable(ConsumerRecord<String, byte[]> origin, String error) {
        try (LogFields fields = LogFields.of(origin)) {
            log.warn(
                    "unreadable record {}-{}@{} sent to the dead-letter topic: {}",
                    origin.topic(),
                    origin.partition(),
                    origin.offset(),
                    error);
        }
        var record = new ProducerRecord<>(Topics.NOTIFICATIONS_DLT, origin.key(), origin.value());
        DeadLetterHeaders.add(record.headers(), origin, error);
        send(record);
        metrics.unreadableEvent();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not acknowledged by Kafka", e);
        }
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
