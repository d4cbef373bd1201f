package io.fms.bench;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.Cpu;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.Method;
import io.fms.bench.BenchResult.RunConfig;
import io.fms.bench.BenchResult.SystemFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One bench run: every chosen system started once and warmed the same way, then the scenario's workload played
 * against each of them in interleaved rounds ({@code --repeat}: each round runs every system once, the order
 * rotating), Postgres reset before each measured run; then FMS's drain probe and half-rate phase, then the ceilings.
 * Answers everything measured as one {@link BenchResult}, each system as its median run with the spread of all.
 */
public final class Bench {

    /** The processes each system's CPU figure adds up (names of {@link #stackRoots}, plus "baseline"). */
    static final Map<String, List<String>> CPU_OF = Map.of(
            "fms", List.of("booking-api", "booking-processor", "notification-worker", "kafka", "postgres", "redis"),
            "rowlock", List.of("baseline", "postgres"),
            "redislock", List.of("baseline", "postgres", "redis"),
            "http", List.of("baseline"));

    /** Systems measured in the rounds, in this order in the first (later rounds rotate it). */
    static final List<String> MEASURED = List.of("fms", "rowlock", "redislock", "http");

    /** A warm-up round less than this much faster than the best before it means the figures stopped climbing. */
    static final double WARMUP_CLIMB_MIN = 0.05;

    static final String WARMUP_RULE = "rounds of --warmup requests on trips of their own, until a round's answers/s is"
            + " less than 5 % above the best round before it, at most --warmup-rounds rounds; the same for every system";
    static final String SPREAD = "min-max over the runs (median in the middle)";
    static final String DECISION_TIME = "fms: the decision event's Kafka record timestamp, set when the processor"
            + " sends it after the Postgres commit that made the decision (rounded up to the next ms); door 409s and the"
            + " baselines: their HTTP answer, which comes after their commit";
    static final String DECISION_WATCHER = "a process of its own (bench watch-decisions), started with FMS and kept"
            + " for the whole run, that reads fms.booking.events and streams fixed-size records to the bench";

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
    /** Cancellation events come a batch after their DELETE; a quiet this long means no more will. */
    private static final long CANCEL_STALL_NS = 15 * Measurement.SECOND_NS;

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final BenchConfig config;
    private final Consumer<String> progress;
    private final Path logDirectory;
    private final Map<String, List<Double>> warmupRates = new LinkedHashMap<>();
    private String lastReset = "not run";
    /** FMS's decision watcher, started with FMS and kept for the whole run, so that it is warm for every play. */
    private DecisionWatcher fmsWatcher;

    public Bench(BenchConfig config, Consumer<String> progress, Path logDirectory) {
        this.config = config;
        this.progress = progress;
        this.logDirectory = logDirectory;
    }

    public BenchResult measure() throws Exception {
        Workload workload = config.workload();
        progress.accept(String.format(
                Locale.ROOT,
                "%s: %d requests over %d trips of %d seats (%s; %d seats asked for), %d connections, %s, seed %d;"
                        + " %d round(s) per system, interleaved; warm-up: %s (--warmup %d, --warmup-rounds %d);"
                        + " db latency %d ms each way",
                config.scenario().label(),
                workload.size(),
                workload.trips(),
                workload.layout().capacity(),
                workload.layout().rows() + " x " + workload.layout().columns(),
                workload.seatsDemanded(),
                config.connections(),
                config.ratePerSecond() > 0 ? "open loop at " + config.ratePerSecond() + "/s" : "closed loop",
                config.seed(),
                config.repeat(),
                WARMUP_RULE,
                config.warmup(),
                config.warmupRoundsMax(),
                config.dbLatencyMs()));
        Map<String, String> durability = PostgresHousekeeping.durability(config.stack());
        progress.accept("durability on the stack (the same for every system): " + durability);
        Map<String, String> skipped = new LinkedHashMap<>();
        List<String> measured = new ArrayList<>();
        for (String system : config.systems()) {
            if (MEASURED.contains(system) && (system.equals("fms") || !baselinesJarMissing(system, skipped))) {
                measured.add(system);
            }
        }
        Map<String, List<SystemFigures>> runs = new LinkedHashMap<>();
        measured.forEach(system -> runs.put(system, new ArrayList<>()));
        List<List<String>> orderByRound = new ArrayList<>();
        Map<String, SystemUnderTest> started = new LinkedHashMap<>();
        SystemFigures fmsExtras = null;
        try {
            for (int round = 0; round < config.repeat() && !measured.isEmpty(); round++) {
                List<String> order = new ArrayList<>(measured);
                java.util.Collections.rotate(order, -round);
                orderByRound.add(order);
                for (String system : order) {
                    SystemUnderTest target = started.get(system);
                    if (target == null) {
                        target = start(system);
                        started.put(system, target);
                        warmUp(target);
                    }
                    String label = system + " run " + (round + 1) + "/" + config.repeat();
                    Workload played = system.equals("http") ? httpWorkload(workload) : workload;
                    runs.get(system).add(measureOnce(target, played, label, config.ratePerSecond()));
                }
            }
            SystemUnderTest fms = started.get("fms");
            if (fms != null) {
                fmsExtras = fmsExtras((FmsTarget) fms, runs.get("fms"));
            }
        } finally {
            started.values().forEach(SystemUnderTest::close);
            if (fmsWatcher != null) {
                fmsWatcher.close();
            }
        }
        Map<String, SystemFigures> systems = new LinkedHashMap<>();
        SystemFigures httpCeiling = null;
        for (Map.Entry<String, List<SystemFigures>> entry : runs.entrySet()) {
            SystemFigures median = Repeats.median(
                    entry.getValue(),
                    entry.getKey().equals("http")
                            ? "decisions_per_s"
                            : config.scenario().headline());
            if (entry.getKey().equals("fms") && fmsExtras != null) {
                median = median.withDrainProbe(fmsExtras.drainProbe()).withHalfRatePhase(fmsExtras.halfRatePhase());
            }
            if (entry.getKey().equals("http")) {
                httpCeiling = median;
            } else {
                systems.put(entry.getKey(), median);
            }
        }
        Ceilings.Kafka kafkaCeiling = null;
        Ceilings.Postgres postgresCeiling = null;
        if (config.systems().contains("kafka")) {
            int records = Math.clamp(workload.size(), KAFKA_CEILING_MIN, KAFKA_CEILING_MAX);
            progress.accept("kafka ceiling: " + records + " records");
            kafkaCeiling = ceiling(
                    "kafka",
                    skipped,
                    () -> Ceilings.kafka(
                            config.stack().kafkaBootstrapServers(), records, Math.max(1, workload.trips())));
        }
        if (config.systems().contains("postgres")) {
            int rows = Math.clamp(workload.size(), POSTGRES_CEILING_MIN, POSTGRES_CEILING_MAX);
            progress.accept("postgres ceiling: " + rows + " rows");
            postgresCeiling = ceiling(
                    "postgres",
                    skipped,
                    () -> Ceilings.postgres(
                            config.stack(), rows, POSTGRES_CEILING_BATCH, POSTGRES_CEILING_CONNECTIONS));
        }
        Method method = new Method(
                WARMUP_RULE, warmupRates, orderByRound, SPREAD, lastReset, durability, DECISION_TIME, DECISION_WATCHER);
        return BenchResult.of(
                config.scenario().label(),
                RunConfig.of(config, workload, CORES),
                method,
                systems,
                new CeilingResults(httpCeiling, kafkaCeiling, postgresCeiling),
                skipped);
    }

    /** The HTTP ceiling plays at most {@link #HTTP_CEILING_MAX} of the requests: it is a rate. */
    private Workload httpWorkload(Workload workload) {
        return workload.size() <= HTTP_CEILING_MAX
                ? workload
                : Workload.generate(workload.trips(), HTTP_CEILING_MAX, workload.shape(), config.seed());
    }

    private SystemUnderTest start(String system) throws Exception {
        if (system.equals("fms")) {
            FmsSystem fms = new FmsSystem(config.stack());
            fms.requireUp();
            return new FmsTarget(fms);
        }
        String design = system.equals("http") ? "noop" : system;
        progress.accept(system + ": starting the baseline server (" + design + ")");
        BaselineServer server =
                BaselineServer.start(config.stack(), config.dbRoute(), config.baselinesJar(), design, logDirectory);
        return new BaselineTarget(system, server);
    }

    /**
     * Warm-up rounds on trips of their own until a round is no longer clearly faster than the best before it: the
     * same rule, request count and round limit for every system, so that none is measured colder than another.
     */
    private void warmUp(SystemUnderTest target) throws Exception {
        List<Double> rates = new ArrayList<>();
        warmupRates.put(target.name(), rates);
        if (config.warmup() == 0) {
            return;
        }
        double best = 0;
        for (int round = 0; round < config.warmupRoundsMax(); round++) {
            Workload warmup = config.warmupWorkload(round);
            String label = target.name() + " warm-up " + (round + 1);
            SystemFigures figures = play(target, warmup, label, 0, false);
            double rate = figures.measured().ingestPerS();
            rates.add(rate);
            progress.accept(String.format(Locale.ROOT, "%s: %,.0f answers/s", label, rate));
            if (!(rate > best * (1 + WARMUP_CLIMB_MIN))) {
                break;
            }
            best = rate;
        }
        target.reset();
    }

    private SystemFigures measureOnce(SystemUnderTest target, Workload workload, String label, double rate)
            throws Exception {
        lastReset = PostgresHousekeeping.reset(config.stack());
        progress.accept(label + ": Postgres " + lastReset);
        SystemFigures figures = play(target, workload, label, rate, true);
        target.reset();
        return figures;
    }

    /**
     * One play of a workload: intake, (FMS) the decisions read from Kafka, the cancellations the workload asks for,
     * CPU over all of it, then (when {@code checked}) the checks by SQL.
     */
    private SystemFigures play(SystemUnderTest target, Workload workload, String label, double rate, boolean checked)
            throws Exception {
        progress.accept(label + ": creating " + workload.trips() + " trips");
        String[] tripIds = target.createTrips(workload.trips(), workload.layout());
        String keyPrefix = "bench-" + Long.toHexString(System.nanoTime()) + "-";
        HttpLoad load = new HttpLoad(target.endpoint(tripIds), workload, keyPrefix, label, progress);
        Outcomes outcomes = load.outcomes();
        Map<String, List<Long>> roots = stackRoots();
        roots.putAll(target.processes());
        boolean cancelling = workload.shape().cancelShare() > 0 && target.bookingPathPrefix() != null;
        // The HTTP ceiling's noop server takes the hold and answers its fixed body: nothing to pay.
        boolean holds = workload.shape().holdShare() > 0 && target.tables() != null;
        if (target.asynchronous() && fmsWatcher == null) {
            fmsWatcher = new DecisionWatcher(config.stack().kafkaBootstrapServers());
        }
        DecisionWatcher watcher = target.asynchronous() ? fmsWatcher : null;
        int unreadableBefore = watcher == null ? 0 : watcher.unreadable();
        int undecided = 0;
        int unreadable = 0;
        Cpu cpu;
        double generatorShareIntake;
        try {
            if (watcher != null) {
                roots.put("decision-watcher", List.of(watcher.pid()));
            }
            HttpLoad.Endpoint endpoint = target.endpoint(tripIds);
            Cancellations cancellations = cancelling
                    ? new Cancellations(endpoint.host(), endpoint.port(), target.bookingPathPrefix(), outcomes)
                    : null;
            load.cancellingWith(cancellations);
            if (holds) {
                load.payingWith(config.payments());
            }
            if (watcher != null) {
                watcher.cancellingWith(cancellations);
            }
            progress.accept(label + ": " + workload.size() + " requests"
                    + (rate > 0 ? String.format(Locale.ROOT, ", open loop at %.0f/s", rate) : ""));
            CpuMeter.Sample before = CpuMeter.Sample.take(roots);
            load.run(config.connections(), rate, Long.MAX_VALUE);
            CpuMeter.Sample intakeDone = CpuMeter.Sample.take(roots);
            if (watcher != null) {
                int accepted = outcomes.count(202);
                progress.accept(label + ": intake done (" + accepted + " accepted), waiting for decisions");
                watcher.expect(UuidIndex.of(outcomes), outcomes);
                int decided = watcher.awaitDecided(
                        accepted,
                        config.decisionTimeoutSeconds() * Measurement.SECOND_NS,
                        60 * Measurement.SECOND_NS,
                        line -> progress.accept(label + ": " + line));
                undecided = accepted - decided;
            }
            if (cancellations != null) {
                cancellations.close();
                Cancellations.Counts counts = cancellations.counts();
                if (watcher != null) {
                    watcher.awaitCancelled(
                            (int) counts.accepted(),
                            config.decisionTimeoutSeconds() * Measurement.SECOND_NS,
                            CANCEL_STALL_NS,
                            line -> progress.accept(label + ": " + line));
                }
                progress.accept(
                        label + ": " + counts.accepted() + " cancellations taken, " + counts.refused() + " refused");
            }
            CpuMeter.Sample after = CpuMeter.Sample.take(roots);
            cpu = Cpu.between(before, after, CPU_OF.get(target.name()), CORES);
            generatorShareIntake = intakeDone.generatorShareSince(before, CORES);
        } finally {
            if (watcher != null) {
                watcher.finishPlay();
                unreadable = watcher.unreadable() - unreadableBefore;
            }
        }
        Measurement measured = Measurement.of(outcomes, workload, target.asynchronous());
        if (target.tables() == null) {
            return SystemFigures.httpCeiling(measured, cpu, generatorShareIntake);
        }
        Checks.Result checks = null;
        if (checked) {
            boolean lapseAwaited = holds && config.payments().awaitLapse();
            if (lapseAwaited) {
                awaitLapse(outcomes, label);
            }
            progress.accept(label + ": checking the ledger");
            checks = Checks.run(config.stack(), target.tables(), tripIds, outcomes, holds, lapseAwaited);
        }
        return target.asynchronous()
                ? SystemFigures.fms(measured, undecided, unreadable, cpu, generatorShareIntake, checks)
                : SystemFigures.baseline(measured, cpu, generatorShareIntake, checks);
    }

    /**
     * Waits until the last unpaid hold's deadline (its decision plus the hold) has passed, with slack for the
     * system's expiry: after the CPU is measured, before the checks, which then demand that every one expired.
     */
    private void awaitLapse(Outcomes outcomes, String label) throws InterruptedException {
        long lastUnpaid = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.decision[i] == Outcomes.HELD && outcomes.paidNs[i] == 0) {
                lastUnpaid = Math.max(lastUnpaid, outcomes.decidedNs[i]);
            }
        }
        if (lastUnpaid == 0) {
            return;
        }
        long until = lastUnpaid + (config.payments().holdSeconds() + Payments.LAPSE_SLACK_S) * Measurement.SECOND_NS;
        long waitMs = Math.max(0, (until - Clock.now()) / 1_000_000);
        progress.accept(label + ": waiting " + (waitMs + 999) / 1000 + " s for the unpaid holds to lapse");
        Thread.sleep(waitMs);
    }

    /** The drain probe and the half-rate phase, once, after the rounds. */
    private SystemFigures fmsExtras(FmsTarget fms, List<SystemFigures> fmsRuns) throws Exception {
        SystemFigures extras = fmsRuns.getLast();
        if (config.drainCommands() > 0) {
            lastReset = PostgresHousekeeping.reset(config.stack());
            progress.accept("fms: drain probe, " + config.drainCommands() + " commands straight to Kafka");
            extras = extras.withDrainProbe(
                    fms.fms().drainProbe(config.drainCommands(), config.decisionTimeoutSeconds()));
        }
        if (config.halfRatePhaseSeconds() > 0) {
            SystemFigures median = Repeats.median(fmsRuns, "ingest_per_s");
            extras = extras.withHalfRatePhase(halfRatePhase(fms, median));
        }
        return extras;
    }

    /**
     * The latency target's condition: open loop at half the (median) ingest rate the closed-loop runs measured, on
     * fresh trips with the scenario's shape, bounded to {@code --half-rate-phase-s} seconds of requests.
     */
    private HalfRatePhase halfRatePhase(FmsTarget fms, SystemFigures closedLoop) throws Exception {
        double ingest = closedLoop.measured().ingestPerS();
        if (config.ratePerSecond() > 0) {
            return HalfRatePhase.skipped("the run itself is open loop (--rate): no closed-loop ingest to halve");
        }
        if (!(ingest > 0)) {
            return HalfRatePhase.skipped("no ingest rate measured");
        }
        double rate = ingest / 2;
        int requests = (int) Math.max(1, Math.min(HALF_RATE_REQUESTS_MAX, rate * config.halfRatePhaseSeconds()));
        int trips = config.scenario().trips(requests);
        Workload workload = Workload.generate(trips, requests, config.shape(), config.seed() ^ 0x4A1F_BA5EL);
        SystemFigures figures = measureOnce(fms, workload, "fms half-rate phase", rate);
        return HalfRatePhase.measured(figures, rate, requests, trips);
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

    /** FMS on the running stack: its processes are the stack's, its trips fresh each play. */
    private record FmsTarget(FmsSystem fms) implements SystemUnderTest {

        @Override
        public String name() {
            return "fms";
        }

        @Override
        public String[] createTrips(int count, Workload.Layout layout) throws Exception {
            return fms.createTrips(count, layout);
        }

        @Override
        public HttpLoad.Endpoint endpoint(String[] tripIds) {
            return fms.endpoint(tripIds);
        }

        @Override
        public String bookingPathPrefix() {
            return fms.endpoint(new String[0]).path() + "/";
        }

        @Override
        public boolean asynchronous() {
            return true;
        }

        @Override
        public Map<String, List<Long>> processes() {
            return Map.of();
        }

        @Override
        public Checks.Tables tables() {
            return Checks.Tables.FMS;
        }

        @Override
        public void reset() {}

        @Override
        public void close() {}
    }

    /** A baseline server (rowlock, redislock, or noop for the HTTP ceiling) started for the whole run. */
    private record BaselineTarget(String name, BaselineServer server) implements SystemUnderTest {

        @Override
        public String[] createTrips(int count, Workload.Layout layout) {
            if (name.equals("http")) {
                String[] ids = new String[count];
                for (int i = 0; i < count; i++) {
                    ids[i] = java.util.UUID.randomUUID().toString();
                }
                return ids;
            }
            return server.createTrips(count, layout);
        }

        @Override
        public HttpLoad.Endpoint endpoint(String[] tripIds) {
            return server.endpoint(tripIds);
        }

        @Override
        public String bookingPathPrefix() {
            return name.equals("http") ? null : "/bookings/";
        }

        @Override
        public boolean asynchronous() {
            return false;
        }

        @Override
        public Map<String, List<Long>> processes() {
            return Map.of("baseline", List.of(server.pid()));
        }

        @Override
        public Checks.Tables tables() {
            return name.equals("http") ? null : Checks.Tables.baseline("bench_" + name);
        }

        @Override
        public void reset() {
            if (!name.equals("http")) {
                server.reset();
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** The stack's processes as infra/fms started them; Postgres and Redis servers may have left their launcher. */
    private Map<String, List<Long>> stackRoots() {
        Map<String, List<Long>> roots = new LinkedHashMap<>();
        for (String component : List.of(
                "booking-api",
                "booking-processor",
                "notification-worker",
                "kafka",
                "postgres",
                "redis",
                "latency-proxy")) {
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
