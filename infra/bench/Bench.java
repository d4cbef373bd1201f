import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * FMS benchmark: the same burst of bookings against the running FMS stack (over HTTP) and against the classic
 * row-locking design (one Postgres transaction per request, SELECT ... FOR UPDATE on the trip's seat rows), with the
 * numbers side by side and the invariants checked. Run it through {@code infra/bench/run}; {@code --help} for options.
 *
 * <p>JDK only (java.net.http, virtual threads, JDBC); the Postgres driver comes on the class path from the wrapper.
 * Talks to localhost only. Every wait is bounded.
 */
public class Bench {

    static final String USAGE = """
            usage: infra/bench/run [options]
              --requests N            booking requests per design (default 5000)
              --concurrency C         concurrent clients, the same for both designs (default 64)
              --hot-trips H           small trips that get far more demand than seats (default 2)
              --hot-share F           fraction of requests aimed at the hot trips (default 0.3)
              --warmup W              unmeasured requests first, on a trip of their own (default 200)
              --seed S                request mix seed (default: random, printed)
              --api URL               booking-api (default http://localhost:3000)
              --jdbc-url URL          Postgres for the baseline (default jdbc:postgresql://localhost:5432/fms)
              --jdbc-user U / --jdbc-password P        (default fms / fms)
              --jdbc-connections P    baseline connection pool; clients beyond it queue (default min(C, 32))
              --decision-timeout-s T  bound on waiting for FMS decisions (default 300)
              --skip-baseline         FMS only
              --results DIR           where the Markdown report goes (default infra/bench/results)
            The admin key comes from FMS_ADMIN_API_KEY (the wrapper reads .fms/admin-api-key).
            """;

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        Plan plan = Plan.make(options);
        System.out.printf(
                Locale.ROOT,
                "FMS bench: %d requests (+%d warm-up), %d concurrent clients, %d trips (%d hot), seed %d%n",
                options.requests,
                options.warmup,
                options.concurrency,
                plan.trips.size(),
                options.hotTrips,
                options.seed);
        System.out.printf(
                Locale.ROOT,
                "  demand %d seats for %d seats on sale (hot trips: %d for %d)%n%n",
                plan.demandSeats(false) + plan.demandSeats(true),
                plan.capacity(false) + plan.capacity(true),
                plan.demandSeats(true),
                plan.capacity(true));

        FmsResult fms;
        List<BaselineResult> baselines = new ArrayList<>();
        try {
            fms = new FmsRun(options, plan).run();
            if (!options.skipBaseline) {
                BaselineRun baseline = new BaselineRun(options, plan);
                baselines.add(baseline.run(true));
                baselines.add(baseline.run(false));
            }
        } catch (IllegalStateException | SQLException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(1);
            return;
        }
        Report report = new Report(options, plan, fms, baselines);
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Path file = report.write(markdown);
        System.out.println("Written to " + file);
        if (!report.invariantsHold()) {
            System.err.println("bench: AN INVARIANT DID NOT HOLD, see the report above");
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Options

    static final class Options {
        int requests = 5000;
        int concurrency = 64;
        int hotTrips = 2;
        double hotShare = 0.3;
        int warmup = 200;
        long seed = new Random().nextLong() & 0xffffffffL;
        URI api = URI.create("http://localhost:3000");
        String jdbcUrl = "jdbc:postgresql://localhost:5432/fms";
        String jdbcUser = "fms";
        String jdbcPassword = "fms";
        int jdbcConnections = -1;
        int decisionTimeoutSeconds = 300;
        boolean skipBaseline;
        Path results = Path.of("infra/bench/results");
        String adminKey = System.getenv("FMS_ADMIN_API_KEY");
        String commandLine;
        final double loadAverageAtStart =
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        static Options parse(String[] args) {
            Options options = new Options();
            options.commandLine = "infra/bench/run " + String.join(" ", args);
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (name.equals("--skip-baseline")) {
                    options.skipBaseline = true;
                    continue;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--requests" -> options.requests = bounded(name, value, 1, 1_000_000);
                    case "--concurrency" -> options.concurrency = bounded(name, value, 1, 2048);
                    case "--hot-trips" -> options.hotTrips = bounded(name, value, 0, 50);
                    case "--hot-share" -> options.hotShare = Double.parseDouble(value);
                    case "--warmup" -> options.warmup = bounded(name, value, 0, 100_000);
                    case "--seed" -> options.seed = Long.parseLong(value);
                    case "--api" -> options.api = URI.create(value.endsWith("/") ? value : value + "/");
                    case "--jdbc-url" -> options.jdbcUrl = value;
                    case "--jdbc-user" -> options.jdbcUser = value;
                    case "--jdbc-password" -> options.jdbcPassword = value;
                    case "--jdbc-connections" -> options.jdbcConnections = bounded(name, value, 1, 512);
                    case "--decision-timeout-s" -> options.decisionTimeoutSeconds = bounded(name, value, 1, 3600);
                    case "--results" -> options.results = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (options.hotShare < 0 || options.hotShare > 1 || (options.hotTrips == 0 && options.hotShare > 0)) {
                if (options.hotTrips == 0) {
                    options.hotShare = 0;
                } else {
                    throw new IllegalArgumentException("--hot-share must be between 0 and 1");
                }
            }
            if (options.jdbcConnections < 0) {
                options.jdbcConnections = Math.min(options.concurrency, 32);
            }
            if (options.adminKey == null || options.adminKey.isBlank()) {
                throw new IllegalArgumentException("no admin key: set FMS_ADMIN_API_KEY (infra/fms up prints it)");
            }
            requireLocal("--api", options.api.getHost());
            requireLocal("--jdbc-url", jdbcHost(options.jdbcUrl));
            return options;
        }

        private static int bounded(String name, String value, int min, int max) {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return parsed;
        }

        /** A benchmark is a small denial of service: it only ever aims at this machine. */
        private static void requireLocal(String option, String host) {
            try {
                if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                    throw new IllegalArgumentException(option + " must point at localhost, not " + host);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " must point at localhost; cannot resolve " + host);
            }
        }

        private static String jdbcHost(String url) {
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("--jdbc-url must be jdbc:postgresql://localhost...");
            }
            String rest = url.substring("jdbc:postgresql://".length());
            int end = rest.length();
            for (char stop : new char[] {'/', '?'}) {
                int at = rest.indexOf(stop);
                if (at >= 0) {
                    end = Math.min(end, at);
                }
            }
            String hostPort = rest.substring(0, end);
            if (hostPort.startsWith("[")) {
                return hostPort.substring(1, hostPort.indexOf(']'));
            }
            int colon = hostPort.lastIndexOf(':');
            return colon < 0 ? hostPort : hostPort.substring(0, colon);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The workload: trips and requests, generated once from the seed and played against both designs

    /** A trip's cabin. */
    record TripSpec(int index, int rows, String columns, boolean hot, boolean warmup) {
        int capacity() {
            return rows * columns.length();
        }

        String seat(int row, int column) {
            return row + String.valueOf(columns.charAt(column));
        }
    }

    /** One booking request: its trip, its party, and its seats (null: let the system choose). */
    record Request(int trip, List<String> names, List<String> seats) {
        int party() {
            return names.size();
        }
    }

    static final class Plan {
        static final int HOT_ROWS = 30;
        static final String HOT_COLUMNS = "ABCDEF";
        static final int NORMAL_ROWS = 150;
        static final String NORMAL_COLUMNS = "ABCDEFGHJK";
        static final int PARTY_MAX = 4;

        final List<TripSpec> trips = new ArrayList<>();
        final List<Request> warmup = new ArrayList<>();
        final List<Request> measured = new ArrayList<>();

        static Plan make(Options options) {
            Plan plan = new Plan();
            Random random = new Random(options.seed);
            for (int i = 0; i < options.hotTrips; i++) {
                plan.trips.add(new TripSpec(plan.trips.size(), HOT_ROWS, HOT_COLUMNS, true, false));
            }
            // Ordinary trips have about as many seats as their demand (1-4 passengers, 2.5 on average).
            double normalDemand = options.requests * (1 - options.hotShare) * (1 + PARTY_MAX) / 2.0;
            int normalCapacity = NORMAL_ROWS * NORMAL_COLUMNS.length();
            int normalTrips = (int) Math.max(1, Math.ceil(normalDemand / normalCapacity));
            for (int i = 0; i < normalTrips; i++) {
                plan.trips.add(new TripSpec(plan.trips.size(), NORMAL_ROWS, NORMAL_COLUMNS, false, false));
            }
            TripSpec warmupTrip = new TripSpec(plan.trips.size(), NORMAL_ROWS, NORMAL_COLUMNS, false, true);
            plan.trips.add(warmupTrip);
            List<TripSpec> hot = plan.trips.stream().filter(t -> t.hot).toList();
            List<TripSpec> normal =
                    plan.trips.stream().filter(t -> !t.hot && !t.warmup).toList();
            for (int i = 0; i < options.requests; i++) {
                boolean toHot = !hot.isEmpty() && random.nextDouble() < options.hotShare;
                TripSpec trip = toHot ? hot.get(random.nextInt(hot.size())) : normal.get(random.nextInt(normal.size()));
                plan.measured.add(request(trip, random, "m" + i));
            }
            for (int i = 0; i < options.warmup; i++) {
                plan.warmup.add(request(warmupTrip, random, "w" + i));
            }
            return plan;
        }

        /** Half choose their seats (side by side in one row), half leave it to the system. */
        private static Request request(TripSpec trip, Random random, String tag) {
            int party = 1 + random.nextInt(PARTY_MAX);
            List<String> names = new ArrayList<>();
            for (int p = 0; p < party; p++) {
                names.add("Bench " + tag + "-" + p);
            }
            List<String> seats = null;
            if (random.nextBoolean()) {
                int row = 1 + random.nextInt(trip.rows);
                int first = random.nextInt(trip.columns.length() - party + 1);
                seats = new ArrayList<>();
                for (int p = 0; p < party; p++) {
                    seats.add(trip.seat(row, first + p));
                }
            }
            return new Request(trip.index, List.copyOf(names), seats == null ? null : List.copyOf(seats));
        }

        int demandSeats(boolean hot) {
            return measured.stream()
                    .filter(r -> trips.get(r.trip).hot == hot)
                    .mapToInt(Request::party)
                    .sum();
        }

        int capacity(boolean hot) {
            return trips.stream()
                    .filter(t -> t.hot == hot && !t.warmup)
                    .mapToInt(TripSpec::capacity)
                    .sum();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Closed-loop clients: C workers, each sending its next request when the previous one is answered

    static void runClients(int concurrency, int count, IntConsumer work) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> clients = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                clients.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        work.accept(i);
                    }
                }));
            }
        }
        for (Future<?> client : clients) {
            try {
                client.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a client failed: " + e.getCause(), e.getCause());
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // FMS over HTTP

    /** What happened to one request sent to FMS. */
    static final class FmsOutcome {
        Instant sentAt;
        long latencyNanos;
        int httpStatus;
        String error;
        String bookingId;
        String status;
        String reason;
        List<String> seats = List.of();
        Instant decidedAt;
    }

    record FmsResult(
            List<FmsOutcome> outcomes,
            long intakeNanos,
            Instant firstSent,
            Instant lastAnswered,
            long observedAllDecidedNanos,
            Map<Integer, Map<String, String>> seatMaps,
            List<String> violations) {}

    static final class FmsRun {
        private final Options options;
        private final Plan plan;
        private final HttpClient http;
        private final Map<Integer, String> tripIds = new HashMap<>();

        FmsRun(Options options, Plan plan) {
            this.options = options;
            this.plan = plan;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
        }

        FmsResult run() throws Exception {
            checkHealthy();
            createTrips();
            if (!plan.warmup.isEmpty()) {
                System.out.printf("FMS: warm-up, %d requests%n", plan.warmup.size());
                List<FmsOutcome> warm = send(plan.warmup);
                awaitDecisions(warm, Duration.ofSeconds(options.decisionTimeoutSeconds));
            }
            System.out.printf("FMS: %d requests, %d clients%n", plan.measured.size(), options.concurrency);
            long start = System.nanoTime();
            List<FmsOutcome> outcomes = send(plan.measured);
            long intakeNanos = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "FMS: intake done in %.1f s, waiting for decisions%n", intakeNanos / 1e9);
            awaitDecisions(outcomes, Duration.ofSeconds(options.decisionTimeoutSeconds));
            long observedAllDecided = System.nanoTime() - start;
            Map<Integer, Map<String, String>> seatMaps = new TreeMap<>();
            for (TripSpec trip : plan.trips) {
                if (!trip.warmup) {
                    seatMaps.put(trip.index, seatMap(tripIds.get(trip.index)));
                }
            }
            Instant first = outcomes.stream().map(o -> o.sentAt).min(Instant::compareTo).orElseThrow();
            Instant last = outcomes.stream()
                    .map(o -> o.sentAt.plusNanos(o.latencyNanos))
                    .max(Instant::compareTo)
                    .orElseThrow();
            return new FmsResult(
                    outcomes, intakeNanos, first, last, observedAllDecided, seatMaps, check(outcomes, seatMaps));
        }

        private void checkHealthy() {
            HttpResponse<String> health;
            try {
                health = http.send(
                        HttpRequest.newBuilder(options.api.resolve("/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException e) {
                throw new IllegalStateException(
                        "booking-api does not answer at " + options.api + ": start the stack with infra/fms up");
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("booking-api health check failed: " + e, e);
            }
            Object status = Json.parse(health.body()) instanceof Map<?, ?> map ? map.get("status") : null;
            if (health.statusCode() != 200 || !"UP".equals(status)) {
                throw new IllegalStateException("booking-api is not UP: " + health.statusCode() + " " + health.body());
            }
        }

        private void createTrips() {
            String flightId = null;
            Random random = new Random();
            for (int attempt = 0; attempt < 20 && flightId == null; attempt++) {
                // Flight numbers are unique for good; a long-lived stack has seen earlier runs' numbers.
                String number = "BX" + (1000 + random.nextInt(9000)) + (char) ('A' + random.nextInt(26));
                HttpResponse<String> created = admin(
                        "/api/v1/flights",
                        Json.write(Map.of("flightNumber", number, "origin", "LHR", "destination", "JFK")));
                if (created.statusCode() == 201) {
                    flightId = (String) Json.object(created.body()).get("id");
                } else if (created.statusCode() != 409) {
                    throw new IllegalStateException("creating a flight: " + created.statusCode() + " " + created.body());
                }
            }
            if (flightId == null) {
                throw new IllegalStateException("no free flight number after 20 tries");
            }
            Instant departure = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            for (TripSpec trip : plan.trips) {
                HttpResponse<String> created = admin(
                        "/api/v1/flights/" + flightId + "/trips",
                        Json.write(Map.of(
                                "departureTime", departure.plus(trip.index, ChronoUnit.HOURS).toString(),
                                "rows", trip.rows,
                                "columns", trip.columns)));
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("creating a trip: " + created.statusCode() + " " + created.body());
                }
                tripIds.put(trip.index, (String) Json.object(created.body()).get("id"));
            }
        }

        private HttpResponse<String> admin(String path, String json) {
            try {
                return http.send(
                        HttpRequest.newBuilder(options.api.resolve(path))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + options.adminKey)
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("POST " + path + ": " + e, e);
            }
        }

        private List<FmsOutcome> send(List<Request> requests) throws InterruptedException {
            FmsOutcome[] outcomes = new FmsOutcome[requests.size()];
            runClients(options.concurrency, requests.size(), i -> outcomes[i] = book(requests.get(i)));
            return Arrays.asList(outcomes);
        }

        private FmsOutcome book(Request request) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tripId", tripIds.get(request.trip));
            body.put("passengers", request.names.stream().map(n -> Map.of("name", n)).toList());
            if (request.seats != null) {
                body.put("seats", request.seats);
            }
            HttpRequest http = HttpRequest.newBuilder(options.api.resolve("/api/v1/bookings"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                    .build();
            FmsOutcome outcome = new FmsOutcome();
            outcome.sentAt = Instant.now();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
                outcome.latencyNanos = System.nanoTime() - start;
                outcome.httpStatus = response.statusCode();
                if (response.statusCode() == 202) {
                    try {
                        outcome.bookingId = (String) Json.object(response.body()).get("bookingId");
                        outcome.status = "PENDING";
                    } catch (RuntimeException e) {
                        outcome.error = "202 without a readable bookingId: " + abbreviate(response.body());
                    }
                } else if (response.statusCode() != 409) {
                    outcome.error = response.statusCode() + " " + abbreviate(response.body());
                }
            } catch (IOException e) {
                outcome.latencyNanos = System.nanoTime() - start;
                outcome.error = e instanceof HttpTimeoutException ? "timeout" : e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome.error = "interrupted";
            }
            return outcome;
        }

        /** Polls every undecided booking, C at a time, until none is PENDING or the bound has passed. */
        private void awaitDecisions(List<FmsOutcome> outcomes, Duration bound) throws InterruptedException {
            long deadline = System.nanoTime() + bound.toNanos();
            List<FmsOutcome> pending =
                    outcomes.stream().filter(o -> o.bookingId != null).toList();
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                List<FmsOutcome> round = pending;
                runClients(options.concurrency, round.size(), i -> read(round.get(i)));
                pending = round.stream().filter(o -> "PENDING".equals(o.status)).toList();
                if (!pending.isEmpty()) {
                    // One long-poll paces the rounds: it returns when that booking is decided, else after 5 s.
                    read(pending.getFirst(), 5);
                }
            }
        }

        private void read(FmsOutcome outcome) {
            read(outcome, 0);
        }

        private void read(FmsOutcome outcome, int waitSeconds) {
            String path = "/api/v1/bookings/" + outcome.bookingId + (waitSeconds > 0 ? "?waitSeconds=" + waitSeconds : "");
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(options.api.resolve(path))
                                .timeout(Duration.ofSeconds(waitSeconds + 30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return;
                }
                Map<String, Object> booking = Json.object(response.body());
                outcome.status = (String) booking.get("status");
                outcome.reason = (String) booking.get("reason");
                outcome.seats = Json.strings(booking.get("seats"));
                Object decidedAt = booking.get("decidedAt");
                outcome.decidedAt = decidedAt instanceof String text ? Instant.parse(text) : null;
            } catch (IOException e) {
                // read again in the next round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private Map<String, String> seatMap(String tripId) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(options.api.resolve("/api/v1/trips/" + tripId + "/seats"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                Map<String, String> seats = new LinkedHashMap<>();
                for (Object seat : (List<?>) Json.object(response.body()).get("seats")) {
                    Map<?, ?> entry = (Map<?, ?>) seat;
                    seats.put((String) entry.get("seat"), (String) entry.get("status"));
                }
                return seats;
            } catch (IOException | InterruptedException | RuntimeException e) {
                throw new IllegalStateException("reading the seat map of trip " + tripId + ": " + e, e);
            }
        }

        /** SPEC.md's invariants, as far as a client can see them. */
        private List<String> check(List<FmsOutcome> outcomes, Map<Integer, Map<String, String>> seatMaps) {
            List<String> violations = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            Map<Integer, Map<String, String>> holder = new HashMap<>();
            for (int i = 0; i < outcomes.size(); i++) {
                FmsOutcome outcome = outcomes.get(i);
                Request request = plan.measured.get(i);
                if (outcome.bookingId == null) {
                    continue;
                }
                if (!ids.add(outcome.bookingId)) {
                    violations.add("booking ID " + outcome.bookingId + " answered to two requests");
                }
                if ("PENDING".equals(outcome.status)) {
                    violations.add("booking " + outcome.bookingId + " still PENDING after the bound (a 202 must be decided)");
                } else if ("CONFIRMED".equals(outcome.status)) {
                    if (outcome.seats.size() != request.party()) {
                        violations.add("booking " + outcome.bookingId + " has " + outcome.seats + " for "
                                + request.party() + " passengers");
                    }
                    if (request.seats != null && !new HashSet<>(request.seats).equals(new HashSet<>(outcome.seats))) {
                        violations.add("booking " + outcome.bookingId + " asked for " + request.seats + ", got " + outcome.seats);
                    }
                    for (String seat : outcome.seats) {
                        String previous = holder.computeIfAbsent(request.trip, t -> new HashMap<>())
                                .put(seat, outcome.bookingId);
                        if (previous != null) {
                            violations.add("seat " + seat + " of trip " + request.trip + " sold twice: " + previous
                                    + " and " + outcome.bookingId);
                        }
                    }
                } else if (!"REJECTED".equals(outcome.status)) {
                    violations.add("booking " + outcome.bookingId + " ended " + outcome.status);
                }
            }
            seatMaps.forEach((trip, seats) -> {
                Set<String> booked = new HashSet<>();
                seats.forEach((seat, status) -> {
                    if ("BOOKED".equals(status)) {
                        booked.add(seat);
                    }
                });
                Set<String> confirmed = holder.getOrDefault(trip, Map.of()).keySet();
                if (!booked.equals(confirmed)) {
                    violations.add("seat map of trip " + trip + " shows " + booked.size()
                            + " seats BOOKED, the confirmed bookings hold " + confirmed.size());
                }
            });
            return violations;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Baseline: the classic row-locking design on the same Postgres, behind a minimal HTTP endpoint and straight

    /** What happened to one request in the row-locking design. */
    record BaselineOutcome(long latencyNanos, String status, String reason, List<String> seats, String error) {}

    record BaselineResult(String name, List<BaselineOutcome> outcomes, long wallNanos, List<String> violations) {}

    /** Sends a list of requests with the configured concurrency and answers their outcomes, in order. */
    interface Sender {
        List<BaselineOutcome> send(List<Request> requests) throws InterruptedException;
    }

    static final class BaselineRun {
        private final Options options;
        private final Plan plan;

        BaselineRun(Options options, Plan plan) {
            this.options = options;
            this.plan = plan;
        }

        /**
         * Over HTTP, the clients post the same JSON to an endpoint in this JVM (the JDK's HTTP server, one virtual
         * thread per request) that runs the transaction: the classic service, with a far thinner web layer than a
         * real one. Without, the clients run the transaction themselves: Postgres and its locks alone.
         */
        BaselineResult run(boolean overHttp) throws Exception {
            String name = overHttp ? "row-locking, HTTP" : "row-locking, JDBC only";
            BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(options.jdbcConnections);
            HttpServer server = null;
            ExecutorService serverThreads = null;
            try {
                for (int i = 0; i < options.jdbcConnections; i++) {
                    Connection connection =
                            DriverManager.getConnection(options.jdbcUrl, options.jdbcUser, options.jdbcPassword);
                    try (Statement settings = connection.createStatement()) {
                        // Bounds: no statement or lock wait may hang the benchmark.
                        settings.execute("set statement_timeout = '30s'");
                        settings.execute("set lock_timeout = '30s'");
                    }
                    connection.setAutoCommit(false);
                    pool.add(connection);
                }
                createTables(pool.peek());
                Sender sender;
                if (overHttp) {
                    serverThreads = Executors.newVirtualThreadPerTaskExecutor();
                    server = startServer(pool, serverThreads);
                    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/bookings");
                    HttpClient http = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(5))
                            .build();
                    sender = requests -> sendOverHttp(http, endpoint, requests);
                } else {
                    sender = requests -> sendDirect(pool, requests);
                }
                if (!plan.warmup.isEmpty()) {
                    System.out.printf("%s: warm-up, %d requests%n", name, plan.warmup.size());
                    sender.send(plan.warmup);
                }
                System.out.printf(
                        "%s: %d requests, %d clients, %d connections%n",
                        name,
                        plan.measured.size(),
                        options.concurrency,
                        options.jdbcConnections);
                long start = System.nanoTime();
                List<BaselineOutcome> outcomes = sender.send(plan.measured);
                long wall = System.nanoTime() - start;
                System.out.printf(Locale.ROOT, "%s: done in %.1f s%n", name, wall / 1e9);
                List<String> violations = check(pool.peek(), outcomes);
                dropTables(pool.peek());
                return new BaselineResult(name, outcomes, wall, violations);
            } finally {
                if (server != null) {
                    server.stop(0);
                    serverThreads.close();
                }
                for (Connection connection : pool) {
                    connection.close();
                }
            }
        }

        private HttpServer startServer(BlockingQueue<Connection> pool, ExecutorService threads) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
            server.setExecutor(threads);
            server.createContext("/bookings", exchange -> {
                try (exchange) {
                    int status;
                    Map<String, Object> answer = new LinkedHashMap<>();
                    try {
                        Map<String, Object> body = Json.object(
                                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                        List<String> names = ((List<?>) body.get("passengers"))
                                .stream()
                                        .map(p -> (String) ((Map<?, ?>) p).get("name"))
                                        .toList();
                        Object seats = body.get("seats");
                        Request request = new Request(
                                ((Number) body.get("trip")).intValue(), names, seats == null ? null : Json.strings(seats));
                        Connection connection = pool.take();
                        BaselineOutcome outcome;
                        try {
                            outcome = book(connection, request, System.nanoTime());
                        } finally {
                            pool.add(connection);
                        }
                        if (outcome.error != null) {
                            status = 503;
                            answer.put("error", outcome.error);
                        } else {
                            status = 200;
                            answer.put("status", outcome.status);
                            answer.put("reason", outcome.reason);
                            answer.put("seats", outcome.seats);
                        }
                    } catch (RuntimeException e) {
                        status = 400;
                        answer.put("error", String.valueOf(e.getMessage()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        status = 503;
                        answer.put("error", "interrupted");
                    }
                    byte[] bytes = Json.write(answer).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            });
            server.start();
            return server;
        }

        private List<BaselineOutcome> sendOverHttp(HttpClient http, URI endpoint, List<Request> requests)
                throws InterruptedException {
            BaselineOutcome[] outcomes = new BaselineOutcome[requests.size()];
            runClients(options.concurrency, requests.size(), i -> {
                Request request = requests.get(i);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("trip", request.trip);
                body.put("passengers", request.names.stream().map(n -> Map.of("name", n)).toList());
                if (request.seats != null) {
                    body.put("seats", request.seats);
                }
                long start = System.nanoTime();
                try {
                    HttpResponse<String> response = http.send(
                            HttpRequest.newBuilder(endpoint)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long latency = System.nanoTime() - start;
                    Map<String, Object> answer = Json.object(response.body());
                    outcomes[i] = response.statusCode() == 200
                            ? new BaselineOutcome(
                                    latency,
                                    (String) answer.get("status"),
                                    (String) answer.get("reason"),
                                    Json.strings(answer.get("seats")),
                                    null)
                            : new BaselineOutcome(
                                    latency, null, null, List.of(), response.statusCode() + " " + answer.get("error"));
                } catch (IOException e) {
                    outcomes[i] = new BaselineOutcome(System.nanoTime() - start, null, null, List.of(), e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes[i] = new BaselineOutcome(System.nanoTime() - start, null, null, List.of(), "interrupted");
                }
            });
            return Arrays.asList(outcomes);
        }

        private List<BaselineOutcome> sendDirect(BlockingQueue<Connection> pool, List<Request> requests)
                throws InterruptedException {
            BaselineOutcome[] outcomes = new BaselineOutcome[requests.size()];
            runClients(options.concurrency, requests.size(), i -> {
                long start = System.nanoTime();
                Connection connection = null;
                try {
                    connection = pool.take();
                    outcomes[i] = book(connection, requests.get(i), start);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcomes[i] = new BaselineOutcome(System.nanoTime() - start, null, null, List.of(), "interrupted");
                } finally {
                    if (connection != null) {
                        pool.add(connection);
                    }
                }
            });
            return Arrays.asList(outcomes);
        }

        /** Scratch tables in schema {@code bench}: one row per seat (booking_id null while free), one per booking. */
        private void createTables(Connection connection) throws SQLException {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("create schema if not exists bench");
                ddl.execute("drop table if exists bench.seats, bench.bookings");
                ddl.execute("create table bench.bookings (id uuid primary key, trip int not null, status text not null,"
                        + " reason text, seats text[] not null, passengers jsonb not null,"
                        + " created_at timestamptz not null default now())");
                ddl.execute("create table bench.seats (trip int not null, seat text not null, position int not null,"
                        + " seat_row int not null, booking_id uuid references bench.bookings,"
                        + " primary key (trip, seat), unique (trip, position))");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into bench.seats (trip, seat, position, seat_row) values (?, ?, ?, ?)")) {
                for (TripSpec trip : plan.trips) {
                    int position = 0;
                    for (int row = 1; row <= trip.rows; row++) {
                        for (int column = 0; column < trip.columns.length(); column++) {
                            insert.setInt(1, trip.index);
                            insert.setString(2, trip.seat(row, column));
                            insert.setInt(3, position++);
                            insert.setInt(4, row);
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            connection.commit();
            try (Statement analyze = connection.createStatement()) {
                analyze.execute("analyze bench.seats");
            }
            connection.commit();
        }

        private void dropTables(Connection connection) throws SQLException {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop table if exists bench.seats, bench.bookings");
            }
            connection.commit();
        }

        /**
         * The original design: one transaction per request. It locks the trip's seat rows it needs (the requested
         * ones; for a system-chosen seat, every free one, since any might be chosen), in seat order so that two
         * transactions never deadlock, decides, marks the seats and inserts the booking, then commits.
         */
        private BaselineOutcome book(Connection connection, Request request, long start) {
            try {
                Map<String, Integer> free = new LinkedHashMap<>();
                String sql = request.seats != null
                        ? "select seat, seat_row, booking_id from bench.seats where trip = ? and seat = any(?)"
                                + " order by position for update"
                        : "select seat, seat_row, booking_id from bench.seats where trip = ? and booking_id is null"
                                + " order by position for update";
                int requestedFound = 0;
                try (PreparedStatement lock = connection.prepareStatement(sql)) {
                    lock.setInt(1, request.trip);
                    if (request.seats != null) {
                        lock.setArray(2, connection.createArrayOf("text", request.seats.toArray()));
                    }
                    try (ResultSet rows = lock.executeQuery()) {
                        while (rows.next()) {
                            requestedFound++;
                            if (rows.getObject(3) == null) {
                                free.put(rows.getString(1), rows.getInt(2));
                            }
                        }
                    }
                }
                List<String> chosen;
                String reason = null;
                if (request.seats != null) {
                    chosen = request.seats;
                    if (requestedFound != request.seats.size()) {
                        reason = "INVALID_SEAT";
                    } else if (free.size() != request.seats.size()) {
                        reason = "SEAT_UNAVAILABLE";
                    }
                } else {
                    chosen = choose(free, request.party());
                    if (chosen == null) {
                        reason = "SOLD_OUT";
                    }
                }
                UUID id = UUID.randomUUID();
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into bench.bookings (id, trip, status, reason, seats, passengers)"
                                + " values (?, ?, ?, ?, ?, ?::jsonb)")) {
                    insert.setObject(1, id);
                    insert.setInt(2, request.trip);
                    insert.setString(3, reason == null ? "CONFIRMED" : "REJECTED");
                    insert.setString(4, reason);
                    Array seats = connection.createArrayOf("text", (reason == null ? chosen : List.of()).toArray());
                    insert.setArray(5, seats);
                    insert.setString(6, Json.write(request.names.stream().map(n -> Map.of("name", n)).toList()));
                    insert.executeUpdate();
                }
                if (reason == null) {
                    try (PreparedStatement take = connection.prepareStatement(
                            "update bench.seats set booking_id = ? where trip = ? and seat = any(?)")) {
                        take.setObject(1, id);
                        take.setInt(2, request.trip);
                        take.setArray(3, connection.createArrayOf("text", chosen.toArray()));
                        if (take.executeUpdate() != chosen.size()) {
                            throw new SQLException("took fewer seats than chosen");
                        }
                    }
                }
                connection.commit();
                return new BaselineOutcome(
                        System.nanoTime() - start,
                        reason == null ? "CONFIRMED" : "REJECTED",
                        reason,
                        reason == null ? chosen : List.of(),
                        null);
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is broken; the error below says why
                }
                return new BaselineOutcome(System.nanoTime() - start, null, null, List.of(), e.getMessage());
            }
        }

        /** Front-most row with the whole party side by side, else the front-most free seats. */
        private static List<String> choose(Map<String, Integer> free, int party) {
            if (free.size() < party) {
                return null;
            }
            Map<Integer, List<String>> byRow = new TreeMap<>();
            free.forEach((seat, row) -> byRow.computeIfAbsent(row, r -> new ArrayList<>()).add(seat));
            for (List<String> row : byRow.values()) {
                for (int i = 0; i + party <= row.size(); i++) {
                    List<String> block = row.subList(i, i + party);
                    if (adjacent(block)) {
                        return List.copyOf(block);
                    }
                }
            }
            return List.copyOf(new ArrayList<>(free.keySet()).subList(0, party));
        }

        private static boolean adjacent(List<String> seats) {
            for (int i = 1; i < seats.size(); i++) {
                String a = seats.get(i - 1);
                String b = seats.get(i);
                if (b.charAt(b.length() - 1) - a.charAt(a.length() - 1) != 1) {
                    return false;
                }
            }
            return true;
        }

        private List<String> check(Connection connection, List<BaselineOutcome> outcomes) throws SQLException {
            List<String> violations = new ArrayList<>();
            Map<Integer, Set<String>> sold = new HashMap<>();
            int confirmedSeats = 0;
            for (int i = 0; i < outcomes.size(); i++) {
                BaselineOutcome outcome = outcomes.get(i);
                if (!"CONFIRMED".equals(outcome.status)) {
                    continue;
                }
                for (String seat : outcome.seats) {
                    confirmedSeats++;
                    if (!sold.computeIfAbsent(plan.measured.get(i).trip, t -> new HashSet<>()).add(seat)) {
                        violations.add("seat " + seat + " of trip " + plan.measured.get(i).trip + " sold twice");
                    }
                }
            }
            // Warm-up seats are on a trip of their own; the measured ones are what the outcomes hold.
            try (PreparedStatement count = connection.prepareStatement(
                    "select count(*) from bench.seats where booking_id is not null and trip <> ?")) {
                count.setInt(1, plan.trips.getLast().index);
                try (ResultSet taken = count.executeQuery()) {
                    taken.next();
                    if (taken.getInt(1) != confirmedSeats) {
                        violations.add("bench.seats holds " + taken.getInt(1) + " taken seats, the confirmed"
                                + " bookings " + confirmedSeats);
                    }
                }
            }
            connection.commit();
            return violations;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // The report

    /** One design's figures, as a column of the table. */
    record Column(
            String name,
            double answerRate,
            double acceptedRate,
            double decisionRate,
            long[] answerLatency,
            long[] finalLatency,
            String wallTime,
            Map<String, Long> outcomes,
            long seatsSold,
            List<String> violations,
            List<String> errors) {

        static Column of(FmsResult fms) {
            List<FmsOutcome> outcomes = fms.outcomes;
            long accepted = outcomes.stream().filter(o -> o.httpStatus == 202).count();
            long door = outcomes.stream().filter(o -> o.httpStatus == 409).count();
            long[] intakeLatency = outcomes.stream()
                    .filter(o -> o.httpStatus == 202)
                    .mapToLong(o -> o.latencyNanos)
                    .sorted()
                    .toArray();
            // Time to a final answer: the decision for a 202 (the processor's decidedAt), the 409 itself at the door.
            List<Long> finalNanos = new ArrayList<>();
            Instant lastFinal = fms.lastAnswered;
            for (FmsOutcome o : outcomes) {
                if (o.httpStatus == 409) {
                    finalNanos.add(o.latencyNanos);
                } else if (o.decidedAt != null && !"PENDING".equals(o.status)) {
                    finalNanos.add(Math.max(0, Duration.between(o.sentAt, o.decidedAt).toNanos()));
                    if (o.decidedAt.isAfter(lastFinal)) {
                        lastFinal = o.decidedAt;
                    }
                }
            }
            double intakeSeconds = fms.intakeNanos / 1e9;
            double decidedSeconds = Math.max(1e-9, Duration.between(fms.firstSent, lastFinal).toNanos() / 1e9);
            Map<String, Long> counts = new TreeMap<>();
            for (FmsOutcome o : outcomes) {
                String key = o.httpStatus == 409
                        ? "refused at the door (409 sold out)"
                        : o.error != null ? "errors" : "REJECTED".equals(o.status) ? "REJECTED " + o.reason : o.status;
                counts.merge(key, 1L, Long::sum);
            }
            return new Column(
                    "FMS",
                    (accepted + door) / intakeSeconds,
                    accepted / intakeSeconds,
                    finalNanos.size() / decidedSeconds,
                    intakeLatency,
                    finalNanos.stream().mapToLong(Long::longValue).sorted().toArray(),
                    String.format(
                            Locale.ROOT,
                            "intake %.1f s, last decision %.1f s, seen by the client %.1f s",
                            intakeSeconds,
                            decidedSeconds,
                            fms.observedAllDecidedNanos / 1e9),
                    counts,
                    outcomes.stream()
                            .filter(o -> "CONFIRMED".equals(o.status))
                            .mapToLong(o -> o.seats.size())
                            .sum(),
                    fms.violations,
                    outcomes.stream()
                            .filter(o -> o.error != null)
                            .map(o -> o.error)
                            .distinct()
                            .limit(5)
                            .toList());
        }

        static Column of(BaselineResult baseline) {
            double seconds = baseline.wallNanos / 1e9;
            long[] latency = baseline.outcomes.stream()
                    .filter(o -> o.error == null)
                    .mapToLong(BaselineOutcome::latencyNanos)
                    .sorted()
                    .toArray();
            Map<String, Long> counts = new TreeMap<>();
            for (BaselineOutcome o : baseline.outcomes) {
                String key = o.error != null ? "errors" : "REJECTED".equals(o.status) ? "REJECTED " + o.reason : o.status;
                counts.merge(key, 1L, Long::sum);
            }
            return new Column(
                    baseline.name,
                    latency.length / seconds,
                    Double.NaN,
                    latency.length / seconds,
                    latency,
                    latency,
                    String.format(Locale.ROOT, "%.1f s", seconds),
                    counts,
                    baseline.outcomes.stream()
                            .filter(o -> "CONFIRMED".equals(o.status))
                            .mapToLong(o -> o.seats.size())
                            .sum(),
                    baseline.violations,
                    baseline.outcomes.stream()
                            .map(BaselineOutcome::error)
                            .filter(e -> e != null)
                            .distinct()
                            .limit(5)
                            .toList());
        }
    }

    static final class Report {
        private final Options options;
        private final Plan plan;
        private final Column fms;
        private final List<Column> baselines;

        Report(Options options, Plan plan, FmsResult fms, List<BaselineResult> baselines) {
            this.options = options;
            this.plan = plan;
            this.fms = Column.of(fms);
            this.baselines = baselines.stream().map(Column::of).toList();
        }

        boolean invariantsHold() {
            return fms.violations.isEmpty() && baselines.stream().allMatch(b -> b.violations.isEmpty());
        }

        String markdown() {
            StringBuilder md = new StringBuilder();
            String now = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            md.append("# FMS benchmark, ").append(now).append(" UTC\n\n");
            md.append("`").append(options.commandLine.strip()).append("` (seed ").append(options.seed).append(")\n\n");
            md.append(String.format(
                    Locale.ROOT,
                    "Machine: %d cores, load average %.2f when the bench started (other work on the machine skews"
                            + " every number), Java %s, %s %s. Git %s.%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    options.loadAverageAtStart,
                    System.getProperty("java.version"),
                    System.getProperty("os.name"),
                    System.getProperty("os.arch"),
                    System.getenv().getOrDefault("FMS_BENCH_GIT", "unknown")));
            md.append(String.format(
                    Locale.ROOT,
                    "Workload: %d booking requests (after %d unmeasured warm-up requests on a trip of their own),"
                            + " %d concurrent closed-loop clients, 1-%d passengers each (half with explicit seats side"
                            + " by side, half auto-assigned), on %d trips: %d hot (30 x ABCDEF) receiving %.0f%% of"
                            + " the requests, demand %d seats for %d; the others (150 x 10) demand %d seats for %d."
                            + " Every design gets the same requests.%n%n",
                    options.requests,
                    options.warmup,
                    options.concurrency,
                    Plan.PARTY_MAX,
                    plan.trips.size() - 1,
                    options.hotTrips,
                    options.hotShare * 100,
                    plan.demandSeats(true),
                    plan.capacity(true),
                    plan.demandSeats(false),
                    plan.capacity(false)));

            md.append("| measure | FMS |");
            baselines.forEach(b -> md.append(' ').append(b.name).append(" |"));
            baselines.forEach(b -> md.append(" FMS / ").append(b.name).append(" |"));
            md.append("\n|---|---:|");
            baselines.forEach(b -> md.append("---:|---:|"));
            md.append('\n');
            rateRow(md, "answers per second (FMS: intake, 202 + 409)", Column::answerRate);
            rateRow(md, "accepted (202) per second", Column::acceptedRate);
            rateRow(md, "final decisions per second (first request to last decision)", Column::decisionRate);
            for (int p : new int[] {50, 95, 99}) {
                latencyRow(md, "p" + p + " latency of the answer (FMS: the 202, intake only)", c -> c.answerLatency, p);
            }
            for (int p : new int[] {50, 95, 99, 100}) {
                String name = p == 100 ? "max" : "p" + p;
                latencyRow(md, name + " latency to the final decision", c -> c.finalLatency, p);
            }
            textRow(md, "wall time", Column::wallTime);
            Set<String> outcomes = new java.util.TreeSet<>(fms.outcomes.keySet());
            baselines.forEach(b -> outcomes.addAll(b.outcomes.keySet()));
            for (String outcome : outcomes) {
                textRow(md, outcome, c -> String.valueOf(c.outcomes.getOrDefault(outcome, 0L)));
            }
            textRow(md, "seats sold", c -> String.valueOf(c.seatsSold));
            textRow(
                    md,
                    "invariants (no seat twice, every 202 decided, seat maps agree)",
                    c -> c.violations.isEmpty() ? "hold" : "**" + c.violations.size() + " violations**");
            md.append('\n');
            md.append("""
                    What the numbers measure:
                    - FMS *intake* is the HTTP answer: a `202` means the request is durably queued in Kafka (acks=all),
                      not decided. Its latency is how long a buyer waits for that promise. A `409` is a refusal at
                      the door (trip known sold out), which is final at once.
                    - FMS *final decision* latency is, per request, from the client sending it to the `decidedAt`
                      the processor recorded (same machine, same clock), or the `409`. Decisions per second count
                      every final answer over the time from the first request to the last decision.
                    - Row-locking answers only once its transaction committed, so its answer *is* its decision: the
                      same figures appear in both of its latency rows. One transaction per request locks the requested
                      seat rows (or, for an auto-assigned party, every free seat row of the trip) with
                      `SELECT ... FOR UPDATE` in seat order, marks the seats and inserts the booking, on the same
                      Postgres (durable commits) over a pool of %d connections shared by the clients.
                      *HTTP*: the clients post the same JSON to a minimal endpoint in the bench's JVM (the JDK's HTTP
                      server) that runs the transaction: a far thinner web layer than FMS's (no validation, no
                      idempotency store, no problem details). *JDBC only*: the clients run the transaction
                      themselves: Postgres and its locks alone, a lower bound for the classic design.
                    - Everything (Kafka, Postgres, Redis, the three services, the bench) shares this machine's cores,
                      so the absolute numbers describe the machine, not either design at scale. FMS has more moving
                      parts per booking (HTTP, Redis, Kafka, a batched transaction, the read model); what they buy
                      (no lock waits, intake that scales out, one decision thread per partition) is meant to show as
                      cores, concurrency and hot-trip contention grow. Compare runs with different --concurrency.
                    - The services' JVMs may still be warming up in a first run after `infra/fms up`: run twice and
                      keep the second, or raise --warmup.
                    """.formatted(options.jdbcConnections));
            List<Column> columns = new ArrayList<>();
            columns.add(fms);
            columns.addAll(baselines);
            for (Column column : columns) {
                if (!column.violations.isEmpty()) {
                    md.append("\n").append(column.name).append(": invariant violations (first 20):\n");
                    column.violations.stream().limit(20).forEach(v -> md.append("- ").append(v).append('\n'));
                }
                if (!column.errors.isEmpty()) {
                    md.append("\n").append(column.name).append(": errors, e.g.:\n");
                    column.errors.forEach(e -> md.append("- ").append(e).append('\n'));
                }
            }
            return md.toString();
        }

        private void rateRow(StringBuilder md, String name, java.util.function.ToDoubleFunction<Column> rate) {
            md.append("| ").append(name).append(" | ").append(rate(rate.applyAsDouble(fms))).append(" |");
            baselines.forEach(b -> md.append(' ').append(rate(rate.applyAsDouble(b))).append(" |"));
            baselines.forEach(b -> md.append(' ')
                    .append(ratio(rate.applyAsDouble(fms), rate.applyAsDouble(b)))
                    .append(" |"));
            md.append('\n');
        }

        private void latencyRow(
                StringBuilder md, String name, java.util.function.Function<Column, long[]> latency, int p) {
            double fmsValue = percentile(latency.apply(fms), p);
            md.append("| ").append(name).append(" | ").append(ms(fmsValue)).append(" |");
            baselines.forEach(b -> md.append(' ').append(ms(percentile(latency.apply(b), p))).append(" |"));
            baselines.forEach(b -> md.append(' ')
                    .append(ratio(fmsValue, percentile(latency.apply(b), p)))
                    .append(" |"));
            md.append('\n');
        }

        private void textRow(StringBuilder md, String name, java.util.function.Function<Column, String> text) {
            md.append("| ").append(name).append(" | ").append(text.apply(fms)).append(" |");
            baselines.forEach(b -> md.append(' ').append(text.apply(b)).append(" |"));
            baselines.forEach(b -> md.append(" |"));
            md.append('\n');
        }

        Path write(String markdown) throws IOException {
            Files.createDirectories(options.results);
            String date = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE);
            Path file = options.results.resolve(date + ".md");
            if (Files.exists(file)) {
                String time = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("HHmmss"));
                file = options.results.resolve(date + "-" + time + ".md");
            }
            Files.writeString(file, markdown, StandardCharsets.UTF_8);
            return file;
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private static String rate(double perSecond) {
            return Double.isNaN(perSecond) ? "" : String.format(Locale.ROOT, "%.0f/s", perSecond);
        }

        private static String ms(double nanos) {
            return Double.isNaN(nanos) ? "" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }

        private static String ratio(double fms, double baseline) {
            return Double.isNaN(fms) || Double.isNaN(baseline) || baseline == 0
                    ? ""
                    : String.format(Locale.ROOT, "%.2fx", fms / baseline);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    // ------------------------------------------------------------------------------------------------------------
    // Just enough JSON: objects, arrays, strings, numbers, booleans, null

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw json.error("trailing characters");
            }
            return value;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            if (parse(text) instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text));
        }

        static List<String> strings(Object value) {
            if (value == null) {
                return List.of();
            }
            return ((List<?>) value).stream().map(String.class::cast).toList();
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(StringBuilder out, Object value) {
            switch (value) {
                case null -> out.append("null");
                case String s -> quote(out, s);
                case Number n -> out.append(n);
                case Boolean b -> out.append(b);
                case Map<?, ?> map -> {
                    out.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> entry : map.entrySet()) {
                        if (!first) {
                            out.append(',');
                        }
                        first = false;
                        quote(out, String.valueOf(entry.getKey()));
                        out.append(':');
                        write(out, entry.getValue());
                    }
                    out.append('}');
                }
                case List<?> list -> {
                    out.append('[');
                    for (int i = 0; i < list.size(); i++) {
                        if (i > 0) {
                            out.append(',');
                        }
                        write(out, list.get(i));
                    }
                    out.append(']');
                }
                default -> throw new IllegalArgumentException("cannot write " + value.getClass());
            }
        }

        private static void quote(StringBuilder out, String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                map.put(key, value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek() == ']') {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw error("unexpected character");
            }
            return number.contains(".") || number.contains("e") || number.contains("E")
                    ? (Object) Double.parseDouble(number)
                    : (Object) Long.parseLong(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("unexpected literal");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("JSON " + problem + " at " + at + ": " + abbreviate(text));
        }
    }
}
