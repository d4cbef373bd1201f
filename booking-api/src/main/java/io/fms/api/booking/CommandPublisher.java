package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.api.web.ProblemException;
import io.fms.events.BookingCommand;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.support.CommandPartitions;
import io.fms.support.FmsKafkaProperties;
import io.fms.support.FmsTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends commands to {@code fms.booking.commands}, keyed by trip ID so that every command of a trip lands on the
 * trip's partition in order, and returns only once the broker has acknowledged (acks=all). Failing that within
 * {@code fms.api.publish-timeout-ms} it throws a 503 problem; the producer's own timeouts are set inside that bound
 * ({@link KafkaProducerTimeouts}), so by then the producer has given up on the record.
 */
@Component
class CommandPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration timeout;
    private final int partitions;
    private final AtomicBoolean mismatchLogged = new AtomicBoolean();
    private final MeterRegistry meters;
    /** By command type and outcome (two of each): registering builds a meter ID, so it is done once per pair. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    CommandPublisher(
            KafkaTemplate<String, byte[]> kafka,
            ApiProperties properties,
            FmsKafkaProperties topics,
            MeterRegistry meters) {
        this.kafka = kafka;
        this.partitions = topics.commandPartitions();
        this.timeout = properties.publishTimeout();
        this.meters = meters;
    }

    /** Where Kafka appended the command: its offset is the booking's place in its partition's queue. */
    RecordMetadata publish(BookingCommand command) {
        String type = BookingJson.typeOf((Record) command);
        requireTopicLayout();
        // The partition named outright (the one the default partitioner would pick): booking IDs carry it.
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                Topics.BOOKING_COMMANDS,
                CommandPartitions.of(command.tripId(), partitions),
                command.tripId().toString(),
                BookingJson.write(command));
        record.headers().add(Topics.HEADER_TYPE, type.getBytes(StandardCharsets.UTF_8));
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            RecordMetadata appended = kafka.send(record)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getRecordMetadata();
            outcome = "acknowledged";
            return appended;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notQueued(e);
        } catch (ExecutionException e) {
            throw notQueued(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException | RuntimeException e) {
            throw notQueued(e);
        } finally {
            sample.stop(timer(type, outcome));
        }
    }

    /**
     * From the producer's metadata, no round trip once known. A command topic repartitioned under us would put a
     * trip's commands on two partitions: nothing is queued (503) until the settings and the topic agree again.
     */
    private void requireTopicLayout() {
        int topicPartitions;
        try {
            topicPartitions = kafka.partitionsFor(Topics.BOOKING_COMMANDS).size();
        } catch (RuntimeException e) {
            throw notQueued(e);
        }
        try {
            FmsTopics.requireCommandPartitions(topicPartitions, partitions);
            mismatchLogged.set(false);
        } catch (FmsTopics.CommandPartitionsMismatch e) {
            // Once per episode, not once per request: at peak this path runs thousands of times a second, and each
            // refusal is counted as a 503 anyway.
            if (mismatchLogged.compareAndSet(false, true)) {
                LOG.error("Nothing can be queued until this is fixed: {}", e.getMessage());
            }
            throw notQueued(e);
        }
    }

    private Timer timer(String type, String outcome) {
        return timers.computeIfAbsent(
                type + '/' + outcome,
                ignored -> Timer.builder("fms.api.commands.publish")
                        .description("Time from send to the broker's acknowledgement (or failure)")
                        .tag("type", type)
                        .tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .register(meters));
    }

    private static ProblemException notQueued(Throwable cause) {
        return ProblemException.unavailable(
                "kafka", "The request could not be queued (Kafka did not acknowledge it); retry later", cause);
    }
}
