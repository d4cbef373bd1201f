package io.fms.bench;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.Cpu;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.RunConfig;
import io.fms.bench.BenchResult.SystemFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bench run: the scenario's workload played against each chosen system in turn with the same load generator,
 * then the ceilings; answers everything measured as one {@link BenchResult}.
 */
public final class Bench {

    /** The processes each system's CPU figure adds up (names of {@link #stackRoots}, plus "baseline"). */
    static final Map<String, List<String>> CPU_OF = Map.of(
            "fms", List.of("booking-api", "booking-processor", "notification-worker", "kafka", "postgres", "redis"),
            "rowlock", List.of("baseline", "postgres"),
            "redislock", List.of("baseline", "postgres", "redis"),
            "http", List.of("baseline"));

    // Ceilings run long enough to be rates rather than start-up costs, and short enough not to dominate a run. The
    // Postgres one writes batched inserts in transactions, as the processor does, with sizes of its own: the
    // processor's defaults are batches of up to 2,000 over 4 consumers.
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

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final BenchConfig config;
    private final Consumer<String> progress;
    private final Path logDirectory;

    public Bench(BenchConfig config, Consumer<String> progress, Path logDirectory) {
        this.config = config;
        this.progress = progress;
        this.logDirectory = logDirectory;
    }

    public BenchResult measure() throws Exception {
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
        Map<String, SystemFigures> systems = new LinkedHashMap<>();
        SystemFigures httpCeiling = null;
        Ceilings.Kafka kafkaCeiling = null;
        Ceilings.Postgres postgresCeiling = null;
        Map<String, String> skipped = new LinkedHashMap<>();
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
                    httpCeiling = ceiling("http", skipped, () -> runBaseline("noop", http, warmup, false));
                }
                case "kafka" -> {
                    int records = Math.clamp(workload.size(), KAFKA_CEILING_MIN, KAFKA_CEILING_MAX);
                    progress.accept("kafka ceiling: " + records + " records");
                    kafkaCeiling = ceiling(
                            "kafka",
                            skipped,
                            () -> Ceilings.kafka(
                                    config.stack().kafkaBootstrapServers(), records, Math.max(1, workload.trips())));
                }
                case "postgres" -> {
                    int rows = Math.clamp(workload.size(), POSTGRES_CEILING_MIN, POSTGRES_CEILING_MAX);
                    progress.accept("postgres ceiling: " + rows + " rows");
                    postgresCeiling = ceiling(
                            "postgres",
                            skipped,
                            () -> Ceilings.postgres(
                                    config.stack(), rows, POSTGRES_CEILING_BATCH, POSTGRES_CEILING_CONNECTIONS));
                }
                default -> throw new IllegalArgumentException(system);
            }
        }
        return BenchResult.of(
                config.scenario(),
                RunConfig.of(config, workload, CORES),
                systems,
                new CeilingResults(httpCeiling, kafkaCeiling, postgresCeiling),
                skipped);
    }

    private interface CeilingRun<T> {
        T run() throws Exception;
    }

    /**
     * A ceiling that fails (a broker refusing the scratch topic, say) is reported as skipped with its reason: the
     * systems measured before it must not be lost with it.
     */
    private <T> T ceiling(String name, Map<String, String> skipped, CeilingRun<T> run) {
        try {
            return run.run();
        } catch (Exception e) {
            progress.accept(name + " ceiling failed: " + e);
            skipped.put(name, "the ceiling's measurement failed: " + e.getMessage());
            return null;
        }
    }

    private boolean baselinesJarMissing(String system, Map<String, String> skipped) {
        if (config.baselinesJar() != null && Files.isRegularFile(config.baselinesJar())) {
            return false;
        }
        String why = "the baselines jar " + config.baselinesJar()
                + " is missing: build it with ./mvnw -pl infra/bench/baselines -am package -DskipTests";
        progress.accept("SKIPPING " + system + ": " + why);
        skipped.put(system, why);
        return true;
    }

    private SystemFigures runFms(Workload workload, Workload warmup) throws Exception {
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
        SystemFigures figures = measureFms(fms, workload, tripIds, config.ratePerSecond(), runTag + "m", "fms");
        if (config.drainCommands() > 0) {
            progress.accept("fms: drain probe, " + config.drainCommands() + " commands straight to Kafka");
            figures = figures.withDrainProbe(fms.drainProbe(config.drainCommands(), config.decisionTimeoutSeconds()));
        }
        if (config.halfRatePhaseSeconds() > 0) {
            figures = figures.withHalfRatePhase(halfRatePhase(fms, figures, runTag + "h"));
        }
        return figures;
    }

    /** One measured FMS run: intake, the decisions read from Kafka, CPU, then the checks by SQL. */
    private SystemFigures measureFms(
            FmsSystem fms, Workload workload, String[] tripIds, double rate, String keyPrefix, String label)
            throws Exception {
        Map<String, List<Long>> roots = stackRoots();
        Outcomes outcomes;
        int undecided;
        int unreadable;
        Cpu cpu;
        double generatorShareIntake;
        try (DecisionWatcher watcher = new DecisionWatcher(config.stack().kafkaBootstrapServers())) {
            progress.accept(label + ": " + workload.size() + " requests"
                    + (rate > 0 ? String.format(java.util.Locale.ROOT, ", open loop at %.0f/s", rate) : ""));
            CpuMeter.Sample before = CpuMeter.Sample.take(roots);
            outcomes = load(fms.endpoint(tripIds), workload, keyPrefix, label)
                    .run(config.connections(), rate, Long.MAX_VALUE);
            CpuMeter.Sample intakeDone = CpuMeter.Sample.take(roots);
            int accepted = outcomes.count(202);
            progress.accept(label + ": intake done (" + accepted + " accepted), waiting for decisions");
            watcher.expect(UuidIndex.of(outcomes), outcomes);
            int decided = watcher.awaitDecided(
                    accepted,
                    config.decisionTimeoutSeconds() * Measurement.SECOND_NS,
                    60 * Measurement.SECOND_NS,
                    line -> progress.accept(label + ": " + line));
            CpuMeter.Sample after = CpuMeter.Sample.take(roots);
            undecided = accepted - decided;
            unreadable = watcher.unreadable();
            cpu = Cpu.between(before, after, CPU_OF.get("fms"), CORES);
            generatorShareIntake = intakeDone.generatorShareSince(before, CORES);
        }
        progress.accept(label + ": checking the ledger");
        Checks.Result checks = Checks.run(config.stack(), Checks.Tables.FMS, tripIds, outcomes);
        return new SystemFigures(
                Measurement.of(outcomes, true),
                undecided,
                unreadable,
                cpu,
                generatorShareIntake,
                checks,
                null,
                null,
                null);
    }

    /**
     * The latency target's condition: open loop at half the ingest rate the closed-loop run just measured, on fresh
     * trips with the scenario's shape, bounded to {@code --half-rate-phase-s} seconds of requests.
     */
    private HalfRatePhase halfRatePhase(FmsSystem fms, SystemFigures closedLoop, String keyPrefix) throws Exception {
        double ingest = closedLoop.measured().ingestPerS();
        if (config.ratePerSecond() > 0) {
            return HalfRatePhase.skipped("the run itself is open loop (--rate): no closed-loop ingest to halve");
        }
        if (!(ingest > 0)) {
            return HalfRatePhase.skipped("no ingest rate measured");
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
        SystemFigures figures = measureFms(fms, workload, tripIds, rate, keyPrefix, "fms half-rate phase");
        return HalfRatePhase.measured(figures, rate, requests, trips);
    }

    private HttpLoad load(HttpLoad.Endpoint endpoint, Workload workload, String keyPrefix, String label) {
        return new HttpLoad(endpoint, workload, keyPrefix, label, progress);
    }

    private SystemFigures runBaseline(String design, Workload workload, Workload warmup, boolean decides)
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
            CpuMeter.Sample before = CpuMeter.Sample.take(roots);
            Outcomes outcomes = load(server.endpoint(tripIds), workload, runTag + "m", name)
                    .run(config.connections(), config.ratePerSecond(), Long.MAX_VALUE);
            CpuMeter.Sample after = CpuMeter.Sample.take(roots);
            Measurement measured = Measurement.of(outcomes, false);
            Cpu cpu = Cpu.between(before, after, CPU_OF.get(decides ? design : "http"), CORES);
            double generatorShare = after.generatorShareSince(before, CORES);
            if (!decides) {
                return SystemFigures.httpCeiling(measured, cpu, generatorShare);
            }
            progress.accept(name + ": checking its tables");
            Checks.Result checks =
                    Checks.run(config.stack(), Checks.Tables.baseline("bench_" + design), tripIds, outcomes);
            server.reset();
            return SystemFigures.baseline(measured, cpu, generatorShare, checks);
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
}
