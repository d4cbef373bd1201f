package io.fms.processor.perf;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A manual measurement, not a test: how fast the processor drains a backlog of booking commands, and how much CPU
 * the processor, Postgres, Kafka and Redis spend per 1000 decisions. Run it through {@code booking-processor/perf/drain}
 * against a local stack (see booking-processor/README.md, "Throughput").
 *
 * <p>Steps: stop the processor (and the notification worker, whose own work would share the cores); create trips
 * through the API; produce the commands straight into {@link Topics#BOOKING_COMMANDS}, as the API would; start the
 * processor; wait until the stored offsets reach the end of the topic and the outbox is empty. CPU is counted from
 * the first decision to the end of the drain, so the processor's start-up is not in it; on a shared machine the CPU
 * figure is the one to compare, decisions per second depend on who else runs.
 */
public final class DrainBench {

    private static final String COLUMNS = "ABCDEF";
    private static final int ROWS = 30;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final long CLOCK_TICKS_PER_S = 100;

    private final Map<String, String> options;
    private final Path root;
    private final Random random;

    private DrainBench(Map<String, String> options) {
        this.options = options;
        this.root = Path.of(option("root", "."));
        long seed = Long.parseLong(option("seed", Long.toString(System.nanoTime() % 1_000_000)));
        System.out.println("seed " + seed);
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int index = 0; index + 1 < args.length; index += 2) {
            if (!args[index].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[index]);
            }
            options.put(args[index].substring(2), args[index + 1]);
        }
        new DrainBench(options).run();
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void run() throws Exception {
        int requests = Integer.parseInt(option("requests", "200000"));
        int tripCount = Integer.parseInt(option("trips", Integer.toString(Math.max(1, requests / 100))));
        String processorCommand = options.get("processor-command");
        if (processorCommand == null) {
            throw new IllegalArgumentException("--processor-command is required");
        }

        stop("booking-processor");
        stop("notification-worker");

        List<UUID> trips = createTrips(tripCount);
        produce(trips, requests);

        try (Connection db =
                DriverManager.getConnection(option("jdbc-url", "jdbc:postgresql://localhost:5432/fms"), "fms", "fms")) {
            long target = endOffsets();
            long baseline = storedOffsets(db);
            Timestamp previousLast = lastDecision(db);
            System.out.printf("backlog: %d record(s) to decide%n", target - baseline);

            Process processor = startProcessor(processorCommand);
            long processorPid = processor.pid();
            long startNanos = System.nanoTime();
            while (storedOffsets(db) == baseline) {
                if (!processor.isAlive()) {
                    throw new IllegalStateException("the processor exited; see its log");
                }
                Thread.sleep(20);
            }
            Map<String, Long> before = cpuTicks(processorPid);
            long firstNanos = System.nanoTime();
            System.out.printf("first decision %.1f s after the processor started%n", (firstNanos - startNanos) / 1e9);
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            // The outbox is counted only at the end: a count(*) every 50 ms would be a cost of its own in the figures.
            while (storedOffsets(db) < target || outboxRows(db) > 0) {
                if (System.nanoTime() > deadline || !processor.isAlive()) {
                    throw new IllegalStateException("no drain within 30 min, or the processor exited");
                }
                Thread.sleep(50);
            }
            long endNanos = System.nanoTime();
            Map<String, Long> after = cpuTicks(processorPid);
            report(db, previousLast, before, after, (endNanos - firstNanos) / 1e9);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Processes

    private long pidFromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        String first = Files.readAllLines(file).getFirst().strip();
        return first.isEmpty() ? -1 : Long.parseLong(first);
    }

    private void stop(String service) throws Exception {
        Path pidFile = root.resolve(".fms/run/" + service + ".pid");
        long pid = pidFromFile(pidFile);
        var handle = pid > 0 ? ProcessHandle.of(pid) : java.util.Optional.<ProcessHandle>empty();
        if (handle.isPresent() && handle.get().info().commandLine().orElse("").contains(service + "-")) {
            System.out.println("stopping " + service + " (pid " + pid + ")");
            handle.get().destroy();
            handle.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        Files.deleteIfExists(pidFile);
    }

    private Process startProcessor(String command) throws IOException {
        Path log = root.resolve(".fms/logs/booking-processor.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder("sh", "-c", "exec " + command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        // Where infra/fms looks, so `infra/fms down` stops it as its own.
        Files.writeString(root.resolve(".fms/run/booking-processor.pid"), process.pid() + "\n");
        System.out.println("started booking-processor (pid " + process.pid() + "), log " + log);
        return process;
    }

    /** utime + stime (and reaped children's) of each process of the pipeline, in clock ticks. */
    private Map<String, Long> cpuTicks(long processorPid) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        ticks.put("processor", ticksOf(processorPid, false));
        // Part of the above: the JIT compilers, which a short run pays for far more than a long one.
        ticks.put("processor-jit", jitTicksOf(processorPid));
        ticks.put("kafka", ticksOf(pidFromFile(root.resolve(".fms/run/kafka.pid")), false));
        ticks.put("redis", ticksOf(pidFromFile(root.resolve(".fms/data/redis/redis.pid")), false));
        // Postgres runs one process per connection: the postmaster counts those that exited, the live ones count
        // themselves.
        long postmaster = pidFromFile(root.resolve(".fms/data/postgres/postmaster.pid"));
        long postgres = ticksOf(postmaster, true);
        try (var children = Files.list(Path.of("/proc"))) {
            for (Path proc : children.toList()) {
                String name = proc.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && parentOf(proc) == postmaster) {
                    postgres += ticksOf(Long.parseLong(name), false);
                }
            }
        }
        ticks.put("postgres", postgres);
        return ticks;
    }

    private static long jitTicksOf(long pid) throws IOException {
        long ticks = 0;
        try (var threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String name;
                try {
                    name = Files.readString(thread.resolve("comm"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                String[] fields = statFields(thread);
                if (name.contains("CompilerThre") && fields != null) {
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks;
    }

    private static String[] statFields(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name, which may hold spaces and parentheses: state is the first.
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null; // the process ended meanwhile
        }
    }

    private static long parentOf(Path proc) {
        String[] fields = statFields(proc);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static long ticksOf(long pid, boolean withChildren) {
        if (pid <= 0) {
            return 0;
        }
        String[] fields = statFields(Path.of("/proc", Long.toString(pid)));
        if (fields == null) {
            return 0;
        }
        // stat fields 14-17 (utime, stime, cutime, cstime) are 11-14 counted from the state field.
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Trips and commands

    private List<UUID> createTrips(int count) throws Exception {
        String api = option("api", "http://localhost:3000");
        String adminKey = options.containsKey("admin-key")
                ? options.get("admin-key")
                : Files.readString(root.resolve(".fms/admin-api-key")).strip();
        HttpClient http = HttpClient.newHttpClient();
        // Not from the seeded mix: the same seed run twice must not ask for the same flight number.
        String flightNumber = "FM" + (1000 + new Random().nextInt(9000));
        String flight = post(
                http,
                api + "/api/v1/flights",
                adminKey,
                "{\"flightNumber\":\"%s\",\"origin\":\"LHR\",\"destination\":\"JFK\"}".formatted(flightNumber));
        UUID flightId = idOf(flight);
        Instant departure = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> trips = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<UUID>> created = new ArrayList<>();
            for (int index = 0; index < count; index++) {
                String body = "{\"departureTime\":\"%s\",\"rows\":%d,\"columns\":\"%s\"}"
                        .formatted(departure.plus(index, ChronoUnit.MINUTES), ROWS, COLUMNS);
                created.add(pool.submit(
                        () -> idOf(post(http, api + "/api/v1/flights/" + flightId + "/trips", adminKey, body))));
            }
            for (Future<UUID> trip : created) {
                trips.add(trip.get());
            }
        }
        System.out.printf(
                "created flight %s with %d trips of %d seats%n", flightNumber, count, ROWS * COLUMNS.length());
        return trips;
    }

    private static String post(HttpClient http, String url, String adminKey, String json) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + adminKey)
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static UUID idOf(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return UUID.fromString(matcher.group(1));
    }

    /**
     * The mix: 1-4 passengers; half choose side-by-side seats in one row (front rows more popular), half let the
     * processor choose; 20% of the requests go to the 5% "hot" trips, the rest spread evenly, so at about 2.5 seats
     * per request and 100 requests per trip almost every trip sells out and the hot ones many times over.
     */
    private void produce(List<UUID> trips, int requests) throws Exception {
        Properties config = kafkaConfig();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        int hot = Math.max(1, trips.size() / 20);
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            byte[] type = "BookingRequested".getBytes(StandardCharsets.UTF_8);
            for (int index = 0; index < requests; index++) {
                UUID trip = random.nextInt(5) == 0
                        ? trips.get(random.nextInt(hot))
                        : trips.get(random.nextInt(trips.size()));
                int passengers = 1 + random.nextInt(4);
                List<Passenger> names = new ArrayList<>(passengers);
                for (int p = 0; p < passengers; p++) {
                    names.add(new Passenger("Traveller " + index + "-" + p));
                }
                List<String> seats = new ArrayList<>();
                if (random.nextBoolean()) {
                    double u = random.nextDouble();
                    int row = 1 + (int) (ROWS * u * u);
                    int first = random.nextInt(COLUMNS.length() - passengers + 1);
                    for (int p = 0; p < passengers; p++) {
                        seats.add(Integer.toString(row) + COLUMNS.charAt(first + p));
                    }
                }
                BookingRequested command = new BookingRequested(
                        UUID.randomUUID(), trip, names, seats, "traveller" + index + "@example.com", null, requestedAt);
                ProducerRecord<String, byte[]> record =
                        new ProducerRecord<>(Topics.BOOKING_COMMANDS, trip.toString(), BookingJson.write(command));
                record.headers().add(Topics.HEADER_TYPE, type);
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        System.err.println("send failed: " + error);
                    }
                });
            }
            producer.flush();
        }
        System.out.printf("produced %d commands in %.1f s%n", requests, (System.nanoTime() - started) / 1e9);
    }

    private Properties kafkaConfig() {
        Properties config = new Properties();
        config.put("bootstrap.servers", option("bootstrap", "localhost:9092"));
        return config;
    }

    private long endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(kafkaConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.BOOKING_COMMANDS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Postgres

    private static long storedOffsets(Connection db) throws SQLException {
        return single(
                db,
                "select coalesce(sum(next_offset), 0) from booking.consumer_offsets where topic = '"
                        + Topics.BOOKING_COMMANDS + "'");
    }

    private static long outboxRows(Connection db) throws SQLException {
        return single(db, "select count(*) from booking.outbox");
    }

    private static Timestamp lastDecision(Connection db) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select coalesce(max(decided_at), '-infinity'::timestamptz) from booking.bookings")) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private void report(
            Connection db, Timestamp previousLast, Map<String, Long> before, Map<String, Long> after, double drainS)
            throws SQLException {
        long decisions;
        double ledgerS;
        long confirmed;
        long seats;
        try (var statement = db.prepareStatement("""
                select count(*), count(*) filter (where status = 'CONFIRMED'),
                       coalesce(sum(cardinality(seats)) filter (where status = 'CONFIRMED'), 0),
                       extract(epoch from max(decided_at) - min(decided_at))
                  from booking.bookings where decided_at > ?
                """)) {
            statement.setTimestamp(1, previousLast);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                decisions = rows.getLong(1);
                confirmed = rows.getLong(2);
                seats = rows.getLong(3);
                ledgerS = rows.getDouble(4);
            }
        }
        long doubleSold = single(
                db,
                "select count(*) from (select trip_id, seat from booking.booking_seats where released_at is null"
                        + " group by 1, 2 having count(*) > 1) d");
        System.out.println();
        System.out.printf(
                "decisions %d (confirmed %d, %d seats), double-sold seats %d%n",
                decisions, confirmed, seats, doubleSold);
        System.out.printf("ledger: first to last decided_at %.2f s = %.0f decisions/s%n", ledgerS, decisions / ledgerS);
        System.out.printf("drain incl. outbox: %.2f s = %.0f decisions/s%n", drainS, decisions / drainS);
        long total = 0;
        StringBuilder perProcess = new StringBuilder();
        for (String name : before.keySet()) {
            long ticks = after.get(name) - before.get(name);
            if (!name.equals("processor-jit")) {
                total += ticks;
            }
            perProcess.append(String.format(
                    " %s %.1f", name, ticks * 1000.0 / CLOCK_TICKS_PER_S * 1000 / Math.max(1, decisions)));
        }
        System.out.printf(
                "CPU: %.1f s in all = %.1f ms per 1000 decisions (%s; processor-jit is part of processor), machine load %.2f%n",
                total / (double) CLOCK_TICKS_PER_S,
                total * 1000.0 / CLOCK_TICKS_PER_S * 1000 / Math.max(1, decisions),
                perProcess.toString().strip(),
                loadAverage());
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
