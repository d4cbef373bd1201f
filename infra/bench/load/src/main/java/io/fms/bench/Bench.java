package io.fms.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bench run: the scenario's workload played against each chosen system in turn with the same load generator,
 * then the ceilings; answers everything measured as one JSON-ready map
 * {@code {"scenario", "config", "systems": {...}, "ceilings": {...}, "checks_hold"}}.
 */
public final class Bench {

    /** The processes each system's CPU figure adds up (names of {@link #stackRoots}, plus "baseline"). */
    private static final Map<String, List<String>> CPU_OF = Map.of(
            "fms", List.of("booking-api", "booking-processor", "notification-worker", "kafka", "postgres", "redis"),
            "rowlock", List.of("baseline", "postgres"),
            "redislock", List.of("baseline", "postgres", "redis"),
            "http", List.of("baseline"));

    // Ceilings run long enough to be rates rather than start-up costs, and short enough not to dominate a run. The
    // Postgres one writes as the processor does: its batch size (500) over its default concurrency (2).
    private static final int KAFKA_CEILING_MIN = 100_000;
    private static final int KAFKA_CEILING_MAX = 300_000;
    private static final int POSTGRES_CEILING_MIN = 50_000;
    private static final int POSTGRES_CEILING_MAX = 300_000;
    /** A ceiling is a rate: a few minutes of it say as much as the whole scenario would. */
    private static final int HTTP_CEILING_MAX = 300_000;

    private static final int POSTGRES_CEILING_BATCH = 500;
    private static final int POSTGRES_CEILING_CONNECTIONS = 2;
    /** The half-rate phase is bounded in time by its option, and in memory by this. */
    private static final int HALF_RATE_REQUESTS_MAX = 2_000_000;

    private final BenchConfig config;
    private final Consumer<String> progress;
    private final Path logDirectory;

    public Bench(BenchConfig config, Consumer<String> progress, Path logDirectory) {
        this.config = config;
        this.progress = progress;
        this.logDirectory = logDirectory;
    }

    public Map<String, Object> run() throws Exception {
        Workload workload = config.workload();
        Workload warmup = config.warmupWorkload();
        progress.accept(String.format(
                java.util.Locale.ROOT,
                "%s: %d requests over %d trips of %d seats (%d seats asked for), %d connections, %s, %d warm-up"
                        + " requests, seed %d",
                config.scenario(),
                workload.size(),
                workload.trips(),
                Workload.CAPACITY,
                workload.seatsDemanded(),
                config.connections(),
                config.ratePerSecond() > 0 ? "open loop at " + config.ratePerSecond() + "/s" : "closed loop",
                config.warmup(),
                config.seed()));
        Map<String, Object> systems = new LinkedHashMap<>();
        Map<String, Object> ceilings = new LinkedHashMap<>();
        Map<String, Object> skipped = new LinkedHashMap<>();
        for (String system : config.systems()) {
            switch (system) {
                case "fms" -> systems.put("fms", runFms(workload, warmup));
                case "rowlock", "redislock" -> {
                    if (baselinesJarMissing(system, skipped)) {
                        continue;
                    }
                    systems.put(system, runBaseline(system, workload, warmup, true));
                }
                case "http" -> {
                    if (baselinesJarMissing(system, skipped)) {
                        continue;
                    }
                    Workload http = workload.size() <= HTTP_CEILING_MAX
                            ? workload
                            : Workload.generate(
                                    workload.trips(),
                                    HTTP_CEILING_MAX,
                                    config.zipfExponent(),
                                    config.explicitShare(),
                                    config.seed());
                    ceiling("http", ceilings, skipped, () -> runBaseline("noop", http, warmup, false));
                }
                case "kafka" -> {
                    int records = Math.clamp(workload.size(), KAFKA_CEILING_MIN, KAFKA_CEILING_MAX);
                    progress.accept("kafka ceiling: " + records + " records");
                    ceiling(
                            "kafka",
                            ceilings,
                            skipped,
                            () -> Ceilings.kafka(
                                    config.stack().kafkaBootstrapServers(), records, Math.max(1, workload.trips())));
                }
                case "postgres" -> {
                    int rows = Math.clamp(workload.size(), POSTGRES_CEILING_MIN, POSTGRES_CEILING_MAX);
                    progress.accept("postgres ceiling: " + rows + " rows");
                    ceiling(
                            "postgres",
                            ceilings,
                            skipped,
                            () -> Ceilings.postgres(
                                    config.stack(), rows, POSTGRES_CEILING_BATCH, POSTGRES_CEILING_CONNECTIONS));
                }
                default -> throw new IllegalArgumentException(system);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", config.scenario());
        result.put("config", configMap(workload));
        result.put("systems", systems);
        result.put("ceilings", ceilings);
        result.put("shares_of_ceilings", shares(systems, ceilings));
        if (!skipped.isEmpty()) {
            result.put("skipped", skipped);
        }
        result.put("checks_hold", checksHold(systems));
        result.put("targets", Targets.judge(config.scenario(), workload.size(), systems, ceilings));
        return result;
    }

    private interface CeilingRun {
        Map<String, Object> run() throws Exception;
    }

    /**
     * A ceiling that fails (a broker refusing the scratch topic, say) is reported as skipped with its reason: the
     * systems measured before it must not be lost with it.
     */
    private void ceiling(String name, Map<String, Object> ceilings, Map<String, Object> skipped, CeilingRun run) {
        try {
            ceilings.put(name, run.run());
        } catch (Exception e) {
            progress.accept(name + " ceiling failed: " + e);
            skipped.put(name, "the ceiling's measurement failed: " + e.getMessage());
        }
    }

    private boolean baselinesJarMissing(String system, Map<String, Object> skipped) {
        if (config.baselinesJar() != null && Files.isRegularFile(config.baselinesJar())) {
            return false;
        }
        String why = "the baselines jar " + config.baselinesJar()
                + " is missing: build it with ./mvnw -pl infra/bench/baselines -am package -DskipTests";
        progress.accept("SKIPPING " + system + ": " + why);
        skipped.put(system, why);
        return true;
    }

    private Map<String, Object> runFms(Workload workload, Workload warmup) throws Exception {
        FmsSystem fms = new FmsSystem(config.stack());
        fms.requireUp();
        progress.accept("fms: creating " + (workload.trips() + (config.warmup() > 0 ? warmup.trips() : 0)) + " trips");
        String[] tripIds = fms.createTrips(workload.trips());
        String[] warmupTrips = config.warmup() > 0 ? fms.createTrips(warmup.trips()) : new String[0];
        String runTag = "bench-" + Long.toHexString(System.nanoTime()) + "-";
        if (config.warmup() > 0) {
            progress.accept("fms: warm-up, " + warmup.size() + " requests");
            load(fms.endpoint(warmupTrips), warmup, runTag + "w", "fms warm-up")
                    .run(config.connections(), 0, Long.MAX_VALUE);
        }
        Map<String, Object> figures = measureFms(fms, workload, tripIds, config.ratePerSecond(), runTag + "m", "fms");
        if (config.drainCommands() > 0) {
            progress.accept("fms: drain probe, " + config.drainCommands() + " commands straight to Kafka");
            figures.put("drain_probe", fms.drainProbe(config.drainCommands(), config.decisionTimeoutSeconds()));
        }
        if (config.halfRatePhaseSeconds() > 0) {
            figures.put("half_rate_phase", halfRatePhase(fms, figures, runTag + "h"));
        }
        return figures;
    }

    /** One measured FMS run: intake, the decisions read from Kafka, CPU, then the checks by SQL. */
    private Map<String, Object> measureFms(
            FmsSystem fms, Workload workload, String[] tripIds, double rate, String keyPrefix, String label)
            throws Exception {
        Map<String, List<Long>> roots = stackRoots();
        Outcomes outcomes;
        Map<String, Object> figures;
        try (DecisionWatcher watcher = new DecisionWatcher(config.stack().kafkaBootstrapServers())) {
            progress.accept(label + ": " + workload.size() + " requests"
                    + (rate > 0 ? String.format(java.util.Locale.ROOT, ", open loop at %.0f/s", rate) : ""));
            Sample before = Sample.take(roots);
            outcomes = load(fms.endpoint(tripIds), workload, keyPrefix, label)
                    .run(config.connections(), rate, Long.MAX_VALUE);
            Sample intakeDone = Sample.take(roots);
            int accepted = outcomes.count(202);
            progress.accept(label + ": intake done (" + accepted + " accepted), waiting for decisions");
            watcher.expect(UuidIndex.of(outcomes), outcomes);
            int decided = watcher.awaitDecided(
                    accepted,
                    config.decisionTimeoutSeconds() * Measurement.SECOND_NS,
                    60 * Measurement.SECOND_NS,
                    line -> progress.accept(label + ": " + line));
            Sample after = Sample.take(roots);
            figures = Measurement.of(outcomes, true);
            figures.put("undecided_events", accepted - decided);
            figures.put("unreadable_events", watcher.unreadable());
            putCpu(figures, "fms", before, after);
            figures.put("generator_cpu_share_intake", intakeDone.generatorShareSince(before));
        }
        progress.accept(label + ": checking the ledger");
        putChecks(figures, Checks.run(config.stack(), Checks.Tables.FMS, tripIds, outcomes));
        return figures;
    }

    /**
     * The latency target's condition: open loop at half the ingest rate the closed-loop run just measured, on fresh
     * trips with the scenario's shape, bounded to {@code --half-rate-phase-s} seconds of requests.
     */
    private Map<String, Object> halfRatePhase(FmsSystem fms, Map<String, Object> closedLoop, String keyPrefix)
            throws Exception {
        double ingest = number(closedLoop.get("ingest_per_s"));
        if (!(ingest > 0) || config.ratePerSecond() > 0) {
            Map<String, Object> skipped = new LinkedHashMap<>();
            skipped.put(
                    "skipped",
                    config.ratePerSecond() > 0
                            ? "the run itself is open loop (--rate): no closed-loop ingest to halve"
                            : "no ingest rate measured");
            return skipped;
        }
        double rate = ingest / 2;
        int requests = (int) Math.max(1, Math.min(HALF_RATE_REQUESTS_MAX, rate * config.halfRatePhaseSeconds()));
        int trips = BenchConfig.defaultTrips(config.scenario(), requests);
        Workload workload = Workload.generate(
                trips,
                requests,
                config.scenario().equals("hot-trip") ? 0 : config.zipfExponent(),
                config.explicitShare(),
                config.seed() ^ 0x4A1F_BA5EL);
        progress.accept("fms half-rate phase: creating " + trips + " trips");
        String[] tripIds = fms.createTrips(trips);
        Map<String, Object> figures = measureFms(fms, workload, tripIds, rate, keyPrefix, "fms half-rate phase");
        figures.put("rate_per_s", rate);
        figures.put("requests", requests);
        figures.put("trips", trips);
        return figures;
    }

    private HttpLoad load(HttpLoad.Endpoint endpoint, Workload workload, String keyPrefix, String label) {
        return new HttpLoad(endpoint, workload, keyPrefix, label, progress);
    }

    private Map<String, Object> runBaseline(String design, Workload workload, Workload warmup, boolean decides)
            throws Exception {
        String name = decides ? design : "http (noop)";
        progress.accept(name + ": starting the baseline server");
        try (BaselineServer server =
                BaselineServer.start(config.stack(), config.baselinesJar(), design, logDirectory)) {
            String[] tripIds;
            String[] warmupTrips;
            if (decides) {
                server.reset();
                progress.accept(name + ": creating " + (workload.trips() + (config.warmup() > 0 ? warmup.trips() : 0))
                        + " trips");
                tripIds = server.createTrips(workload.trips());
                warmupTrips = config.warmup() > 0 ? server.createTrips(warmup.trips()) : new String[0];
            } else {
                tripIds = randomIds(workload.trips());
                warmupTrips = randomIds(warmup.trips());
            }
            String runTag = "bench-" + Long.toHexString(System.nanoTime()) + "-";
            if (config.warmup() > 0) {
                progress.accept(name + ": warm-up, " + warmup.size() + " requests");
                load(server.endpoint(warmupTrips), warmup, runTag + "w", name + " warm-up")
                        .run(config.connections(), 0, Long.MAX_VALUE);
            }
            Map<String, List<Long>> roots = stackRoots();
            roots.put("baseline", List.of(server.pid()));
            progress.accept(name + ": " + workload.size() + " requests");
            Sample before = Sample.take(roots);
            Outcomes outcomes = load(server.endpoint(tripIds), workload, runTag + "m", name)
                    .run(config.connections(), config.ratePerSecond(), Long.MAX_VALUE);
            Sample after = Sample.take(roots);
            Map<String, Object> figures = Measurement.of(outcomes, false);
            putCpu(figures, decides ? design : "http", before, after);
            figures.put("generator_cpu_share_intake", after.generatorShareSince(before));
            if (decides) {
                progress.accept(name + ": checking its tables");
                putChecks(
                        figures,
                        Checks.run(config.stack(), Checks.Tables.baseline("bench_" + design), tripIds, outcomes));
                server.reset();
            } else {
                figures.put("requests_per_s", figures.get("ingest_per_s"));
            }
            return figures;
        }
    }

    private static String[] randomIds(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = java.util.UUID.randomUUID().toString();
        }
        return ids;
    }

    /** The stack's processes as infra/fms started them; Postgres and Redis servers may have left their launcher. */
    private Map<String, List<Long>> stackRoots() {
        Map<String, List<Long>> roots = new LinkedHashMap<>();
        for (String component :
                List.of("booking-api", "booking-processor", "notification-worker", "kafka", "postgres", "redis")) {
            List<Long> pids = new ArrayList<>();
            readPid(config.stack().pidFile(component), pids);
            if (component.equals("postgres")) {
                readPid(config.stack().dataDir("postgres").resolve("postmaster.pid"), pids);
            } else if (component.equals("redis")) {
                readPid(config.stack().dataDir("redis").resolve("redis.pid"), pids);
            }
            if (!pids.isEmpty()) {
                roots.put(component, pids);
            }
        }
        return roots;
    }

    private static void readPid(Path file, List<Long> pids) {
        try {
            if (Files.isReadable(file)) {
                pids.add(Long.parseLong(Files.readAllLines(file).getFirst().strip()));
            }
        } catch (Exception e) {
            // no such process to measure
        }
    }

    /** CPU seconds of the system's processes, of the bench itself and of the whole machine, at one instant. */
    private record Sample(long atNs, Map<String, Double> processes, double generatorSeconds, double machineSeconds) {

        static Sample take(Map<String, List<Long>> roots) {
            return new Sample(
                    Clock.now(), CpuMeter.sample(roots), generatorCpuSeconds(), CpuMeter.machineBusySeconds());
        }

        double generatorShareSince(Sample before) {
            double wall = (atNs - before.atNs) / 1e9;
            return (generatorSeconds - before.generatorSeconds)
                    / (wall * Runtime.getRuntime().availableProcessors());
        }
    }

    private static double generatorCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    private static void putCpu(Map<String, Object> figures, String system, Sample before, Sample after) {
        Map<String, Double> used = CpuMeter.used(before.processes(), after.processes());
        double wall = (after.atNs() - before.atNs()) / 1e9;
        double total = 0;
        Map<String, Double> counted = new LinkedHashMap<>();
        for (String process : CPU_OF.get(system)) {
            Double seconds = used.get(process);
            if (seconds != null) {
                counted.put(process, seconds);
                total += seconds;
            }
        }
        figures.put("wall_s", wall);
        figures.put("cpu_s", total);
        figures.put("cpu_s_by_process", counted);
        figures.put(
                "cpu_s_other_stack",
                used.entrySet().stream()
                        .filter(e -> !counted.containsKey(e.getKey()))
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        figures.put("generator_cpu_s", after.generatorSeconds() - before.generatorSeconds());
        figures.put(
                "generator_cpu_share",
                (after.generatorSeconds() - before.generatorSeconds())
                        / (wall * Runtime.getRuntime().availableProcessors()));
        figures.put(
                "machine_cpu_share",
                (after.machineSeconds() - before.machineSeconds())
                        / (wall * Runtime.getRuntime().availableProcessors()));
    }

    private static void putChecks(Map<String, Object> figures, Checks.Result checks) {
        figures.put("confirmed_seats", checks.confirmedSeats());
        figures.put("double_booked_seats", checks.doubleBookedSeats());
        figures.put("trips_over_capacity", checks.tripsOverCapacity());
        figures.put("lost", checks.lost());
    }

    private static boolean checksHold(Map<String, Object> systems) {
        List<Map<?, ?>> checked = new ArrayList<>();
        for (Object figures : systems.values()) {
            checked.add((Map<?, ?>) figures);
            if (((Map<?, ?>) figures).get("half_rate_phase") instanceof Map<?, ?> phase
                    && !phase.containsKey("skipped")) {
                checked.add(phase);
            }
        }
        for (Map<?, ?> map : checked) {
            for (String key : List.of("double_booked_seats", "trips_over_capacity", "lost")) {
                if (!(map.get(key) instanceof Number n) || n.longValue() != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each FMS figure against the ceiling it is bounded by. */
    private static Map<String, Object> shares(Map<String, Object> systems, Map<String, Object> ceilings) {
        Map<String, Object> shares = new LinkedHashMap<>();
        if (!(systems.get("fms") instanceof Map<?, ?> fms)) {
            return shares;
        }
        double ingest = number(fms.get("ingest_per_s"));
        double drain = fms.get("drain_probe") instanceof Map<?, ?> probe
                ? number(probe.get("decisions_per_s"))
                : number(fms.get("backlog_drain_per_s"));
        if (ceilings.get("http") instanceof Map<?, ?> http) {
            shares.put("ingest_of_http", ingest / number(http.get("requests_per_s")));
        }
        if (ceilings.get("kafka") instanceof Map<?, ?> kafka) {
            shares.put("ingest_of_kafka_produce", ingest / number(kafka.get("records_per_s")));
            shares.put("drain_of_kafka_produce", drain / number(kafka.get("records_per_s")));
        }
        if (ceilings.get("postgres") instanceof Map<?, ?> postgres) {
            shares.put("drain_of_postgres_insert", drain / number(postgres.get("rows_per_s")));
        }
        return shares;
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private Map<String, Object> configMap(Workload workload) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("requests", workload.size());
        c.put("trips", workload.trips());
        c.put("seats_per_trip", Workload.CAPACITY);
        c.put("seats_asked", workload.seatsDemanded());
        c.put("connections", config.connections());
        c.put("rate_per_s", config.ratePerSecond());
        c.put("warmup", config.warmup());
        c.put("seed", config.seed());
        c.put("zipf_exponent", config.scenario().equals("hot-trip") ? 0 : config.zipfExponent());
        c.put("explicit_share", config.explicitShare());
        c.put("drain_commands", config.drainCommands());
        c.put("cores", Runtime.getRuntime().availableProcessors());
        return c;
    }
}
