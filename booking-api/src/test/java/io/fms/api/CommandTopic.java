package io.fms.api;

import io.fms.events.BookingCommand;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.testkit.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code fms.booking.commands} with a real consumer, from the beginning to the current end of every partition. */
public final class CommandTopic {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private CommandTopic() {}

    /** The records whose command concerns the booking, in partition order. */
    public static List<ConsumerRecord<String, byte[]>> recordsOf(UUID bookingId) {
        return readAll().stream()
                .filter(record -> BookingJson.readCommand(record.value()) instanceof BookingCommand.OnBooking command
                        && command.bookingId().equals(bookingId))
                .toList();
    }

    public static BookingCommand command(ConsumerRecord<String, byte[]> record) {
        return BookingJson.readCommand(record.value());
    }

    public static int count() {
        return readAll().size();
    }

    private static List<ConsumerRecord<String, byte[]>> readAll() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_COMMANDS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("could not read " + Topics.BOOKING_COMMANDS + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
