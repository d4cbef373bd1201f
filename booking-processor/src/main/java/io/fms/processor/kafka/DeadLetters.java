package io.fms.processor.kafka;

import io.fms.events.Topics;
import io.fms.processor.ProcessorProperties;
import io.fms.processor.kafka.CommandReader.Unreadable;
import io.fms.support.kafka.DeadLetterHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Sets unreadable command records aside on {@link Topics#BOOKING_COMMANDS_DLT}, as they came plus where they came
 * from and why. Waits for Kafka's acknowledgement and throws when it does not come, so the batch is retried rather
 * than its offset advanced past a record that is nowhere.
 */
@Component
public class DeadLetters {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ProcessorProperties properties;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, ProcessorProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    public void send(List<Unreadable> unreadable) {
        if (unreadable.isEmpty()) {
            return;
        }
        List<CompletableFuture<SendResult<String, byte[]>>> futures = new ArrayList<>(unreadable.size());
        for (Unreadable each : unreadable) {
            futures.add(kafka.send(deadLetter(each)));
        }
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(properties.publishTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letters not acknowledged; the batch will be retried", e);
        }
    }

    private static ProducerRecord<String, byte[]> deadLetter(Unreadable unreadable) {
        var origin = unreadable.record();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.BOOKING_COMMANDS_DLT, origin.key(), origin.value());
        for (Header header : origin.headers()) {
            record.headers().add(header);
        }
        DeadLetterHeaders.add(record.headers(), origin, unreadable.error());
        return record;
    }
}
