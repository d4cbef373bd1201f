package io.fms.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** {@code infra/fms bench hot-trip|peak-sale|contention [options]}: see {@link #USAGE}. */
public final class BenchMain {

    static final String USAGE = """
            usage: infra/fms bench hot-trip|peak-sale|contention [options]   (against the stack of infra/fms up)
              hot-trip                one trip of 180 seats, 20,000 requests as fast as they come
              peak-sale               1,500,000 requests over 2,000 trips of 180 seats, Zipf-skewed popularity
              contention              20,000 requests over 20 trips of 850 seats (85 x ABCDEFGHJK), 80 % naming
                                      crowded front-row seats, 15 % of confirmed bookings cancelled, 256 connections
              --requests N            fewer (or more) requests; peak-sale scales its trips with them
              --trips T               trips, instead of the scenario's
              --connections C         concurrent keep-alive connections (default 64; contention 256)
              --rate R                open loop: R requests/s, latency from each request's due time
                                      (default: closed loop, every connection at full speed)
              --repeat N              measured runs per system, interleaved, order rotating (default 3);
                                      the report shows the median run and the min-max of all
              --warmup W              requests per warm-up round, on trips of their own (default 2000)
              --warmup-rounds K       warm-up rounds at most; each system warms until a round is less than
                                      5 % faster than the best before it (default 5)
              --systems LIST          of fms,rowlock,redislock,http,kafka,postgres (default all)
              --db-latency-ms N       N ms each way between every system and Postgres and Redis, through a
                                      latency proxy (default 0; 1 for realistic runs); needs infra/fms bench,
                                      which starts the proxy and points FMS's services at it
              --api URL               booking-api's base URL (default the stack's, http://localhost:3000)
              --drain N               FMS drain probe: N commands straight to Kafka (default peak-sale
                                      min(requests, 50000), else 0; 0 skips it)
              --zipf S                trip popularity exponent, peak-sale (default 1.0)
              --explicit-share F      share of requests naming their seats (default 0.5; contention 0.8)
              --cancel-share F        share of confirmed bookings cancelled during the run (default 0;
                                      contention 0.15)
              --hold-share F          the "with holds" variant: share asking for a hold (default 0); its
                                      client pays it (POST .../confirmation) unless it abandons it
              --hold-seconds S        the hold asked for, 30-1800 (default 30: abandoned holds expire
                                      within the run)
              --pay-after-ms N        think time between learning of the hold and paying (default 20)
              --abandon-share F       share of held bookings never paid (default 0.1)
              --seed S                workload seed (default random, printed)
              --decision-timeout-s T  bound on waiting for FMS decisions (default 600, or 1 s per 500
                                      requests when more: 3000 at 1.5 million; 60 s without a new
                                      decision ends the wait anyway)
              --half-rate-phase-s S   FMS after the closed-loop runs: S seconds of open-loop requests at half
                                      its median ingest, on fresh trips: the latency target's condition
                                      (default peak-sale 30, else 0; 0 skips it)
              --out DIR               where the report, chart and JSON go (default .fms/bench)
              --json FILE             the figures as JSON (default DIR/<stamp>-<scenario>.json)
              --chart FILE            the PNG chart (default DIR/<stamp>-<scenario>.png)
              --update-docs           also write the report into docs/performance.md (its block for the
                                      scenario) and the chart into docs/performance/
              --baselines-jar JAR     default infra/bench/baselines/target/bench-baselines-*-exec.jar
            Ports, Postgres, Kafka, Redis and the admin key come from the same FMS_* variables as infra/fms.
            Exit status 1 when a check fails (a seat sold twice, a trip over capacity, an answered request lost).
            """;

    /** The decision watcher's process: {@code watch-decisions BOOTSTRAP} (see {@link DecisionFeed}). */
    static final String WATCH_DECISIONS = "watch-decisions";

    static final String LATENCY_PROXY = "latency-proxy";

    /** Set by infra/fms bench when it put the latency proxy in front of Postgres and Redis. */
    static final String PROXY_POSTGRES_URL = "FMS_BENCH_PROXY_POSTGRES_URL";

    static final String PROXY_REDIS_PORT = "FMS_BENCH_PROXY_REDIS_PORT";
    static final String PROXY_DELAY_MS = "FMS_BENCH_PROXY_DELAY_MS";

    private BenchMain() {}

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("bench: " + e);
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals(WATCH_DECISIONS) && args.length == 2) {
            return DecisionFeed.run(args[1]);
        }
        if (args[0].equals(LATENCY_PROXY)) {
            return LatencyProxy.run(Arrays.asList(args).subList(1, args.length));
        }
        Scenario scenario = Scenario.named(args[0]);
        Path root = Path.of(System.getenv().getOrDefault("FMS_BENCH_ROOT", "."))
                .toAbsolutePath()
                .normalize();
        int requests = scenario.requests();
        Integer trips = null;
        int connections = scenario.connections();
        double rate = 0;
        int warmup = BenchConfig.WARMUP_DEFAULT;
        int warmupRounds = BenchConfig.WARMUP_ROUNDS_MAX_DEFAULT;
        int repeat = BenchConfig.REPEAT_DEFAULT;
        long seed = new Random().nextLong() & 0xffffffffL;
        double zipf = scenario.defaults().zipfExponent();
        double explicitShare = scenario.defaults().explicitShare();
        double cancelShare = scenario.defaults().cancelShare();
        double holdShare = 0;
        int holdSeconds = Payments.DEFAULT.holdSeconds();
        int payAfterMs = Payments.DEFAULT.payAfterMs();
        double abandonShare = Payments.DEFAULT.abandonShare();
        List<String> systems = BenchConfig.ALL_SYSTEMS;
        Integer drain = null;
        Integer decisionTimeout = null;
        Integer halfRatePhase = null;
        int dbLatencyMs = 0;
        URI api = null;
        Path json = null;
        Path chart = null;
        Path out = root.resolve(".fms/bench");
        boolean updateDocs = false;
        Path baselinesJar = null;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--update-docs")) {
                updateDocs = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--requests" -> requests = bounded(name, value, 1, 20_000_000);
                case "--trips" -> trips = bounded(name, value, 1, 100_000);
                case "--connections" -> connections = bounded(name, value, 1, 4096);
                case "--rate" -> rate = share(name, value, 0, 10_000_000);
                case "--repeat" -> repeat = bounded(name, value, 1, 20);
                case "--warmup" -> warmup = bounded(name, value, 0, 1_000_000);
                case "--warmup-rounds" -> warmupRounds = bounded(name, value, 1, 50);
                case "--systems" ->
                    systems = Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
                case "--db-latency-ms" -> dbLatencyMs = bounded(name, value, 0, 1000);
                case "--api" -> api = apiUrl(value);
                case "--drain" -> drain = bounded(name, value, 0, 5_000_000);
                case "--zipf" -> zipf = share(name, value, 0, 5);
                case "--explicit-share" -> explicitShare = fraction(name, value);
                case "--cancel-share" -> cancelShare = fraction(name, value);
                case "--hold-share" -> holdShare = fraction(name, value);
                case "--hold-seconds" ->
                    holdSeconds = bounded(name, value, Payments.HOLD_SECONDS_MIN, Payments.HOLD_SECONDS_MAX);
                case "--pay-after-ms" -> payAfterMs = bounded(name, value, 0, Payments.PAY_AFTER_MS_MAX);
                case "--abandon-share" -> abandonShare = fraction(name, value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--decision-timeout-s" -> decisionTimeout = bounded(name, value, 1, 7200);
                case "--half-rate-phase-s" -> halfRatePhase = bounded(name, value, 0, 3600);
                case "--json" -> json = Path.of(value);
                case "--chart" -> chart = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--baselines-jar" -> baselinesJar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (baselinesJar == null) {
            baselinesJar = findBaselinesJar(root);
        }
        Stack stack = Stack.fromEnvironment(root);
        if (api != null) {
            stack = stack.withApi(api);
        }
        BenchConfig.DbRoute route = dbRoute(stack, dbLatencyMs, System.getenv());
        BenchConfig config = new BenchConfig(
                stack,
                scenario,
                requests,
                trips != null ? trips : scenario.trips(requests),
                connections,
                rate,
                warmup,
                warmupRounds,
                repeat,
                seed,
                scenario.shape(zipf, explicitShare, cancelShare, holdShare),
                systems,
                drain != null ? drain : scenario.drainCommands(requests),
                // A backlog of 1.5 million must not be cut off by a bound sized for 20,000: undecided counts as lost.
                decisionTimeout != null ? decisionTimeout : Math.max(600, requests / 500),
                baselinesJar,
                halfRatePhase != null ? halfRatePhase : scenario.halfRatePhaseSeconds(),
                dbLatencyMs,
                route,
                new Payments(holdSeconds, payAfterMs, abandonShare, true));
        String commandLine = "infra/fms bench " + String.join(" ", args);
        Files.createDirectories(out);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT));
        Path logs = stack.logsDir();
        BenchResult result;
        try (Heartbeat heartbeat = new Heartbeat(line -> System.out.println("bench: " + line))) {
            result = new Bench(config, heartbeat, logs).measure();
        }
        String markdown = Report.markdown(result, commandLine);
        System.out.println();
        System.out.println(markdown);
        String base = stamp + "-" + scenario.label();
        Path report = out.resolve(base + ".md");
        Path png = chart != null ? chart : out.resolve(base + ".png");
        Path jsonFile = json != null ? json : out.resolve(base + ".json");
        Chart.write(result, png);
        Files.writeString(report, markdown + "\n![chart](" + png.getFileName() + ")\n");
        Files.writeString(jsonFile, Report.json(result));
        System.out.println("Written: " + report + ", " + png + ", " + jsonFile);
        if (updateDocs) {
            // A run with database latency is a block of its own: it does not replace the run without.
            String block = scenario.label() + (dbLatencyMs > 0 ? "-db-latency-" + dbLatencyMs + "ms" : "");
            Path docs = DocsUpdate.write(root, block, markdown, png);
            System.out.println("Updated: " + docs);
        }
        return result.checksHold() ? 0 : 1;
    }

    /**
     * With a latency, every system reaches Postgres and Redis through the proxy infra/fms bench started (and FMS's
     * services were restarted to use it); without, the stack's own addresses.
     */
    static BenchConfig.DbRoute dbRoute(Stack stack, int dbLatencyMs, Map<String, String> env) {
        if (dbLatencyMs == 0) {
            return BenchConfig.DbRoute.direct(stack);
        }
        String url = env.get(PROXY_POSTGRES_URL);
        String redisPort = env.get(PROXY_REDIS_PORT);
        String delay = env.get(PROXY_DELAY_MS);
        if (url == null || redisPort == null || !String.valueOf(dbLatencyMs).equals(delay)) {
            throw new IllegalArgumentException("--db-latency-ms needs the latency proxy in front of Postgres and Redis"
                    + " for every system, FMS's services included: run it as infra/fms bench ... --db-latency-ms "
                    + dbLatencyMs + ", which starts the proxy and restarts the services through it");
        }
        return new BenchConfig.DbRoute(url, "localhost", Integer.parseInt(redisPort));
    }

    private static URI apiUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--api must be a URL such as http://localhost:3000");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--api must be an http:// URL with a host (the load generator speaks plain HTTP/1.1)");
        }
        return uri;
    }

    private static Path findBaselinesJar(Path root) throws IOException {
        Path target = root.resolve("infra/bench/baselines/target");
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "bench-baselines-*-exec.jar")) {
                for (Path jar : jars) {
                    return jar;
                }
            }
        }
        return target.resolve("bench-baselines-0.1.0-SNAPSHOT-exec.jar");
    }

    private static int bounded(String name, String value, int min, int max) {
        return (int) number(name, value, min, max, true);
    }

    private static double share(String name, String value, double min, double max) {
        return number(name, value, min, max, false);
    }

    /** A share of the requests (or of the holds): 0 to 1. */
    private static double fraction(String name, String value) {
        return number(name, value, 0, 1, false);
    }

    /** An option's number within its limits, else a message naming the option and the limits. */
    private static double number(String name, String value, double min, double max, boolean whole) {
        double parsed;
        try {
            parsed = whole ? Integer.parseInt(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + (whole ? " must be a whole number" : " must be a number"));
        }
        if (!(parsed >= min && parsed <= max)) {
            throw new IllegalArgumentException(
                    name + " must be between " + (whole ? (long) min + " and " + (long) max : min + " and " + max));
        }
        return parsed;
    }
}
