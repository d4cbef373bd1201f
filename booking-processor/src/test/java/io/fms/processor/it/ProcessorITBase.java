package io.fms.processor.it;

import static org.awaitility.Awaitility.await;

import io.fms.events.BookingCommand;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.ReadModelKeys;
import io.fms.events.Topics;
import io.fms.processor.TestCommands;
import io.fms.support.FmsKafkaProperties;
import io.fms.support.tracing.TraceParent;
import io.fms.testkit.FmsTestInfrastructure;
import io.fms.testkit.OwnedSchemas;
import io.fms.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One processor for every integration test class, on real Kafka, Postgres and Redis. The processor reaches Postgres
 * through a {@link TcpProxy} a test can cut; the tests read the truth through a connection of their own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Sweeps are run by the tests that check them, so no sweep races another test's assertions.
            "fms.processor.outbox-sweep-interval-ms=3600000",
            "fms.processor.outbox-sweep-min-age-ms=0",
            "fms.processor.retry-max-interval-ms=1000",
            "fms.processor.batch-size-max=100",
            "spring.datasource.hikari.connection-timeout=2000",
            // Inert until a test arms it: see FailingEvents.
            "spring.kafka.producer.properties[interceptor.classes]=io.fms.processor.it.FailingEvents",
            // Every new trace recorded, so that the tests that look at spans see each batch's.
            "management.tracing.sampling.probability=1.0",
        })
@Import(ProcessorITBase.Spans.class)
abstract class ProcessorITBase {

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
        }
    }

    static final Instant FAR_FUTURE = Instant.parse("2099-01-01T08:00:00Z");
    static final Duration DECISION_WAIT = Duration.ofSeconds(60);
    /** W3C trace contexts, as a client's request would bring them. */
    static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    static final String OTHER_TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^:/]+):(\\d+)/");

    static TcpProxy postgresProxy;
    static JdbcTemplate truth;
    private static KafkaProducer<String, byte[]> producer;
    private static TopicRecorder recorder;
    private static boolean catalogCreated;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    FmsKafkaProperties topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register((name, value) -> {
            if (!name.equals("spring.datasource.url")) {
                registry.add(name, value);
                return;
            }
            String databaseUrl = (String) value.get();
            Matcher hostAndPort = HOST_AND_PORT.matcher(databaseUrl);
            if (!hostAndPort.find()) {
                throw new IllegalStateException("unexpected test database URL " + databaseUrl);
            }
            postgresProxy = new TcpProxy(hostAndPort.group(1), Integer.parseInt(hostAndPort.group(2)));
            truth = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));
            String proxied = hostAndPort.replaceFirst("//127.0.0.1:" + postgresProxy.port() + "/");
            registry.add(name, () -> proxied);
        });
    }

    @BeforeEach
    void sharedFixtures() {
        synchronized (ProcessorITBase.class) {
            if (!catalogCreated) {
                OwnedSchemas.migrate(truth.getDataSource(), "booking-api", "catalog");
                catalogCreated = true;
            }
            if (producer == null) {
                Properties properties = new Properties();
                properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
                // As the API sends: acknowledged by every in-sync replica, no duplicates on retry.
                properties.put(ProducerConfig.ACKS_CONFIG, "all");
                properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
                recorder = new TopicRecorder(TestKafka.bootstrapServers());
            }
        }
    }

    static TopicRecorder recorder() {
        return recorder;
    }

    static ConditionFactory eventually() {
        return await().atMost(DECISION_WAIT).pollInterval(Duration.ofMillis(100));
    }

    MessageListenerContainer commandListener() {
        return listeners.getListenerContainer("booking-commands");
    }

    /** A trip of its own for each test, so tests sharing the processor never share seats. */
    static UUID createTrip(int rows, String columns, Instant departure) {
        UUID flightId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();
        truth.update(
                "insert into catalog.flights (id, flight_number, origin, destination) values (?, ?, 'LHR', 'JFK')",
                flightId,
                "FM" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
        truth.update("""
                insert into catalog.trips (id, flight_id, departure_time, seat_rows, seat_columns, capacity)
                values (?, ?, ?, ?, ?, ?)
                """, tripId, flightId, Timestamp.from(departure), rows, columns, rows * columns.length());
        return tripId;
    }

    static BookingRequested request(UUID tripId, int passengers, List<String> seats) {
        return TestCommands.bookingRequest(tripId, passengers, seats, Instant.now());
    }

    static List<UUID> bookingIds(List<BookingRequested> requests) {
        return requests.stream().map(BookingRequested::bookingId).toList();
    }

    /** {@code count} requests for one seat each, any seat. */
    static List<BookingRequested> singleSeatRequests(UUID tripId, int count) {
        return IntStream.range(0, count)
                .mapToObj(index -> request(tripId, 1, List.of()))
                .toList();
    }

    /** Sends a command exactly as the API does: keyed by trip, typed header, acknowledged before returning. */
    static RecordMetadata send(BookingCommand command) {
        return send(command, null);
    }

    /** As {@link #send(BookingCommand)}, with the W3C trace context the API hands on (none if null). */
    static RecordMetadata send(BookingCommand command, String traceparent) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, command.tripId().toString(), BookingJson.write(command));
        record.headers()
                .add(Topics.HEADER_TYPE, BookingJson.typeOf((Record) command).getBytes(StandardCharsets.UTF_8));
        TraceParent.put(record.headers(), traceparent);
        return sendAndWait(record);
    }

    static void sendRaw(String key, byte[] value) {
        sendAndWait(new ProducerRecord<>(Topics.BOOKING_COMMANDS, key, value));
    }

    /** As a producer that picks the partition itself would. */
    static void sendRaw(int partition, String key, byte[] value) {
        sendAndWait(new ProducerRecord<>(Topics.BOOKING_COMMANDS, partition, key, value));
    }

    private static RecordMetadata sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("command not acknowledged", e);
        }
    }

    static Map<String, Object> bookingRow(UUID bookingId) {
        List<Map<String, Object>> rows = truth.queryForList("select * from booking.bookings where id = ?", bookingId);
        return rows.isEmpty() ? null : rows.getFirst();
    }

    static int decidedCount(List<UUID> bookingIds) {
        Integer count = truth.queryForObject(
                "select count(*) from booking.bookings where id = any(?::uuid[])", Integer.class, (Object)
                        bookingIds.stream().map(UUID::toString).toArray(String[]::new));
        return count == null ? 0 : count;
    }

    static List<String> liveSeats(UUID tripId) {
        return truth.queryForList(
                "select seat from booking.booking_seats where trip_id = ? and released_at is null order by seat",
                String.class,
                tripId);
    }

    /** The party's place (0 first) in the trip's waitlist in Redis, or null when it is not on it. */
    Long waitlistRank(UUID tripId, UUID bookingId) {
        return redis.opsForZSet().rank(ReadModelKeys.waitlist(tripId), bookingId.toString());
    }

    /** The booking's status in the read model, or null while it has none. */
    BookingStatus status(UUID bookingId) {
        BookingView view = view(bookingId);
        return view == null ? null : view.status();
    }

    /** The booking as the read model shows it once it is decided. */
    BookingView decided(UUID bookingId) {
        eventually().until(() -> status(bookingId) != null && status(bookingId).isDecided());
        return view(bookingId);
    }

    BookingView view(UUID bookingId) {
        String json = redis.opsForValue().get(ReadModelKeys.booking(bookingId));
        return json == null ? null : BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), BookingView.class);
    }
}
