package io.fms.bench;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingHeld;
import io.fms.events.BookingJson;
import io.fms.events.BookingRejected;
import io.fms.events.Topics;
import io.fms.events.UnreadableRecordException;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The decision watcher's own process ({@code bench watch-decisions BOOTSTRAP}): reads {@code fms.booking.events}
 * from the end offsets it finds at start and writes each event to stdout as a fixed-size binary record, so that
 * deserialising the decisions costs the load generator's process nothing. It writes {@link #READY} once it has its
 * offsets, and ends when its stdin closes (the bench ended, or let it go).
 *
 * <p>Record: kind (byte), booking ID (two longs), the Kafka record's timestamp in epoch milliseconds (long), when
 * this process read it in epoch microseconds (long). The record timestamp is the processor's send of the event,
 * which comes after the Postgres commit that makes the decision visible.
 */
final class DecisionFeed {

    static final int READY = 0x5A;
    static final byte HEARTBEAT = 0;
    static final byte CONFIRMED = 1;
    static final byte REJECTED = 2;
    static final byte CANCELLED = 3;
    static final byte UNREADABLE = 4;
    static final byte OTHER = 5;
    static final byte HELD = 6;
    static final int RECORD_BYTES = 1 + 8 * 4;

    private static final Duration POLL = Duration.ofMillis(20);

    private DecisionFeed() {}

    static int run(String bootstrapServers) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only what the processor committed to Kafka: an aborted send is no decision.
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "fms-bench-decisions");
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(System.out, 1 << 16));
        Thread stdinWatch = Thread.ofPlatform().daemon().start(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is ever sent; the read returns -1 once the bench closes its end
                }
            } catch (IOException e) {
                // the bench is gone either way
            }
        });
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(Topics.BOOKING_EVENTS, Duration.ofSeconds(10)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            ends.forEach(consumer::seek);
            // Positions are fixed before the bench sends its first request.
            partitions.forEach(consumer::position);
            out.write(READY);
            out.flush();
            while (stdinWatch.isAlive()) {
                var records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    // A heartbeat lets the bench match what it has when nothing new comes.
                    out.writeByte(HEARTBEAT);
                    out.write(new byte[RECORD_BYTES - 1]);
                    out.flush();
                    continue;
                }
                Instant read = Instant.now();
                long readMicros = read.getEpochSecond() * 1_000_000L + read.getNano() / 1000;
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    write(out, record, readMicros);
                }
                out.flush();
            }
        } catch (IOException e) {
            // the bench closed the pipe
        }
        return 0;
    }

    private static void write(DataOutputStream out, ConsumerRecord<byte[], byte[]> record, long readMicros)
            throws IOException {
        byte kind;
        long msb = 0;
        long lsb = 0;
        try {
            BookingEvent event = BookingJson.readEvent(record.value());
            // A hold's later events (its confirmation after payment, its expiry) follow its HELD decision: the load
            // reads a payment's outcome from the booking, and the checks count expiries by SQL. Events the bench
            // does not play (the waitlist) are passed on as OTHER and not counted.
            kind = switch (event) {
                case BookingConfirmed confirmed -> CONFIRMED;
                case BookingHeld held -> HELD;
                case BookingRejected rejected -> REJECTED;
                case BookingCancelled cancelled -> CANCELLED;
                default -> OTHER;
            };
            msb = event.bookingId().getMostSignificantBits();
            lsb = event.bookingId().getLeastSignificantBits();
        } catch (UnreadableRecordException e) {
            kind = UNREADABLE;
        }
        out.writeByte(kind);
        out.writeLong(msb);
        out.writeLong(lsb);
        out.writeLong(record.timestamp());
        out.writeLong(readMicros);
    }
}
