package io.fms.bench;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The raw rates of the pieces FMS is built on, measured on the same machine in the same run. */
final class Ceilings {

    /** One producer's acknowledged records per second. */
    public record Kafka(int records, int recordBytes, int partitions, double recordsPerS) {}

    /** Booking-sized rows inserted per second. */
    public record Postgres(int rows, int batch, int connections, double rowsPerS) {}

    private Ceilings() {}

    /** A booking command as the API writes it: the size of what the ceiling records carry. */
    static byte[] sampleCommand(UUID tripId, int party) {
        List<Passenger> passengers = new ArrayList<>();
        for (int p = 0; p < party; p++) {
            passengers.add(new Passenger("Traveller " + (p + 1)));
        }
        return BookingJson.write(
                new BookingRequested(UUID.randomUUID(), tripId, passengers, List.of(), null, null, Instant.now()));
    }

    /** The services' producer settings (fms-service-defaults.yml): acks=all, idempotence, linger 5 ms. */
    static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "fms-bench");
        return config;
    }

    /**
     * Records per second one producer with the services' settings gets acknowledged, to a scratch topic with the
     * command topic's partition count, keyed like commands (by one of {@code keys} trip IDs). The topic is deleted
     * after.
     */
    static Kafka kafka(String bootstrapServers, int records, int keys) throws Exception {
        Properties adminConfig = new Properties();
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        String topic = "fms.bench.scratch-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(adminConfig)) {
            int partitions = admin.describeTopics(List.of(Topics.BOOKING_COMMANDS))
                    .allTopicNames()
                    .get()
                    .get(Topics.BOOKING_COMMANDS)
                    .partitions()
                    .size();
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
                    .all()
                    .get();
            try {
                String[] tripKeys = new String[keys];
                for (int k = 0; k < keys; k++) {
                    tripKeys[k] = UUID.randomUUID().toString();
                }
                byte[] value = sampleCommand(UUID.fromString(tripKeys[0]), 2);
                AtomicReference<Exception> failure = new AtomicReference<>();
                long start;
                long end;
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
                    // One record first: metadata and the producer ID are set-up, not throughput.
                    producer.send(new ProducerRecord<>(topic, tripKeys[0], value))
                            .get();
                    start = Clock.now();
                    for (int i = 0; i < records; i++) {
                        producer.send(new ProducerRecord<>(topic, tripKeys[i % keys], value), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                    }
                    producer.flush();
                    end = Clock.now();
                }
                if (failure.get() != null) {
                    throw new IllegalStateException("the Kafka ceiling's producer failed: " + failure.get());
                }
                return new Kafka(records, value.length, partitions, records / ((end - start) / 1e9));
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    /**
     * Booking-sized rows per second into a scratch table (the processor's bookings columns), in batched inserts of
     * {@code batch} rows per transaction over {@code connections} connections with {@code reWriteBatchedInserts}, as
     * the processor writes. The table is dropped after.
     */
    static Postgres postgres(Stack stack, int rows, int batch, int connections) throws Exception {
        String table = "bench_scratch_" + UUID.randomUUID().toString().substring(0, 8);
        Properties login = new Properties();
        login.put("user", stack.postgresUser());
        login.put("password", stack.postgresPassword());
        login.put("reWriteBatchedInserts", "true");
        try (Connection admin = DriverManager.getConnection(stack.postgresUrl(), login);
                Statement ddl = admin.createStatement()) {
            ddl.execute("create table public." + table + " (id uuid primary key, trip_id uuid not null, status text not"
                    + " null, seats text[] not null, passengers jsonb not null, requested_at timestamptz not null,"
                    + " decided_at timestamptz not null)");
            try {
                long start = Clock.now();
                int perConnection = (rows + connections - 1) / connections;
                try (ExecutorService threads = Executors.newFixedThreadPool(connections)) {
                    List<Future<?>> writers = new ArrayList<>();
                    for (int c = 0; c < connections; c++) {
                        int count = Math.max(0, Math.min(perConnection, rows - c * perConnection));
                        writers.add(threads.submit(() -> {
                            insertRows(stack, login, table, count, batch);
                            return null;
                        }));
                    }
                    for (Future<?> writer : writers) {
                        writer.get();
                    }
                }
                long end = Clock.now();
                return new Postgres(rows, batch, connections, rows / ((end - start) / 1e9));
            } finally {
                ddl.execute("drop table public." + table);
            }
        }
    }

    private static void insertRows(Stack stack, Properties login, String table, int rows, int batch)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(stack.postgresUrl(), login)) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into public." + table
                    + " (id, trip_id, status, seats, passengers, requested_at, decided_at)"
                    + " values (?, ?, ?, ?, ?::jsonb, ?, ?)")) {
                UUID trip = UUID.randomUUID();
                String passengers = "[{\"name\":\"Traveller 1\"},{\"name\":\"Traveller 2\"}]";
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < rows; i++) {
                    Timestamp now = Timestamp.from(Instant.now());
                    insert.setObject(1, new UUID(random.nextLong(), random.nextLong()));
                    insert.setObject(2, trip);
                    insert.setString(3, "CONFIRMED");
                    insert.setArray(4, db.createArrayOf("text", new String[] {"12A", "12B"}));
                    insert.setString(5, passengers);
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.addBatch();
                    if ((i + 1) % batch == 0 || i == rows - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
        }
    }
}
