package io.fms.bench;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.events.UnreadableRecordException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads FMS's decisions from {@code fms.booking.events}, from the end offsets taken when it was created (so nothing
 * older counts), on a thread of its own. Decisions are kept as they come (a decision may arrive before the load
 * connection has even parsed its {@code 202}); once the accepted booking IDs are known ({@link #expect}), they are
 * matched to their requests.
 */
final class DecisionWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private volatile boolean stopping;

    // Owned by the watcher thread until it ends.
    private long[] msb = new long[1 << 16];
    private long[] lsb = new long[1 << 16];
    private long[] decidedNs = new long[1 << 16];
    private long[] observedNs = new long[1 << 16];
    private boolean[] confirmed = new boolean[1 << 16];
    private int seen;
    private int matchedUpTo;
    private int unreadable;

    private volatile Expectation expectation;
    private volatile int matched;

    private record Expectation(UuidIndex accepted, Outcomes outcomes) {}

    DecisionWatcher(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "fms-bench-decisions");
        consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_EVENTS, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        ends.forEach(consumer::seek);
        thread = Thread.ofPlatform().name("fms-bench-decisions").daemon().start(this::loop);
    }

    private void loop() {
        try {
            while (!stopping) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    long observed = Clock.now();
                    try {
                        BookingEvent event = BookingJson.readEvent(record.value());
                        if (!(event instanceof BookingCancelled)) {
                            keep(event, observed);
                        }
                    } catch (UnreadableRecordException e) {
                        unreadable++;
                    }
                }
                match();
            }
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void keep(BookingEvent event, long observed) {
        if (seen == msb.length) {
            int size = seen * 2;
            msb = Arrays.copyOf(msb, size);
            lsb = Arrays.copyOf(lsb, size);
            decidedNs = Arrays.copyOf(decidedNs, size);
            observedNs = Arrays.copyOf(observedNs, size);
            confirmed = Arrays.copyOf(confirmed, size);
        }
        msb[seen] = event.bookingId().getMostSignificantBits();
        lsb[seen] = event.bookingId().getLeastSignificantBits();
        decidedNs[seen] = Clock.of(event.occurredAt());
        observedNs[seen] = observed;
        confirmed[seen] = event instanceof BookingConfirmed;
        seen++;
    }

    private void match() {
        Expectation expected = expectation;
        if (expected == null) {
            return;
        }
        Outcomes outcomes = expected.outcomes();
        int newlyMatched = 0;
        for (; matchedUpTo < seen; matchedUpTo++) {
            int i = expected.accepted().get(msb[matchedUpTo], lsb[matchedUpTo]);
            if (i >= 0 && outcomes.decidedNs[i] == 0) {
                outcomes.decidedNs[i] = decidedNs[matchedUpTo];
                outcomes.observedNs[i] = observedNs[matchedUpTo];
                outcomes.decision[i] = confirmed[matchedUpTo] ? Outcomes.CONFIRMED : Outcomes.REJECTED;
                newlyMatched++;
            }
        }
        if (newlyMatched > 0) {
            matched += newlyMatched;
        }
    }

    /** From now on, decisions of these bookings are written into their requests' outcomes. */
    void expect(UuidIndex accepted, Outcomes outcomes) {
        expectation = new Expectation(accepted, outcomes);
    }

    /**
     * Waits until {@code count} expected bookings are decided, the bound passes, or no decision came for
     * {@code stallNs}; answers how many are decided.
     */
    int awaitDecided(int count, long boundNs, long stallNs) throws InterruptedException {
        return awaitDecided(count, boundNs, stallNs, line -> {});
    }

    /** As {@link #awaitDecided(int, long, long)}, with a progress line every ~10 s while it waits. */
    int awaitDecided(int count, long boundNs, long stallNs, java.util.function.Consumer<String> progress)
            throws InterruptedException {
        long start = Clock.now();
        long deadline = start + boundNs;
        int last = -1;
        long lastProgress = start;
        long nextReport = start + 10 * Measurement.SECOND_NS;
        while (matched < count && Clock.now() < deadline && thread.isAlive()) {
            int now = matched;
            if (Clock.now() >= nextReport) {
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "%,d of %,d decisions read after %.0f s",
                        now,
                        count,
                        (Clock.now() - start) / 1e9));
                nextReport += 10 * Measurement.SECOND_NS;
            }
            if (now != last) {
                last = now;
                lastProgress = Clock.now();
            } else if (Clock.now() - lastProgress > stallNs) {
                break;
            }
            Thread.sleep(50);
        }
        return matched;
    }

    int unreadable() {
        return unreadable;
    }

    /** Stops the thread; afterwards the outcomes it wrote are safe to read. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofSeconds(15));
    }
}
