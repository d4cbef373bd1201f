package io.fms.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** {@code infra/fms bench hot-trip|peak-sale [options]}: see {@link #USAGE}. */
public final class BenchMain {

    static final String USAGE = """
            usage: infra/fms bench hot-trip|peak-sale [options]     (against the stack of infra/fms up)
              hot-trip                one trip of 180 seats, 20,000 requests as fast as they come
              peak-sale               1,500,000 requests over 2,000 trips of 180 seats, Zipf-skewed popularity
              --requests N            fewer (or more) requests; peak-sale scales its trips with them
              --trips T               trips, instead of the scenario's
              --connections C         concurrent keep-alive connections (default 64)
              --rate R                open loop: R requests/s, latency from each request's due time
                                      (default: closed loop, every connection at full speed)
              --warmup W              unmeasured requests per system first, on trips of their own (default 2000)
              --systems LIST          of fms,rowlock,redislock,http,kafka,postgres (default all)
              --drain N               FMS drain probe: N commands straight to Kafka (default peak-sale
                                      min(requests, 50000), hot-trip 0; 0 skips it)
              --zipf S                trip popularity exponent (default 1.0); --explicit-share F (default 0.5)
              --seed S                workload seed (default random, printed)
              --decision-timeout-s T  bound on waiting for FMS decisions (default 600, or 1 s per 500
                                      requests when more: 3000 at 1.5 million; 60 s without a new
                                      decision ends the wait anyway)
              --half-rate-phase-s S   FMS after the closed-loop run: S seconds of open-loop requests at half
                                      its measured ingest, on fresh trips: the latency target's condition
                                      (default peak-sale 30, hot-trip 0; 0 skips it)
              --json FILE             also write the figures as JSON
              --chart FILE            the PNG chart (default next to the Markdown report)
              --results DIR           where the report goes (default infra/bench/results)
              --baselines-jar JAR     default infra/bench/baselines/target/bench-baselines-*-exec.jar
            Ports, Postgres, Kafka, Redis and the admin key come from the same FMS_* variables as infra/fms.
            Exit status 1 when a check fails (a seat sold twice, a trip over capacity, an answered request lost).
            """;

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
        String scenario = args[0];
        if (!scenario.equals("hot-trip") && !scenario.equals("peak-sale")) {
            throw new IllegalArgumentException("unknown scenario " + scenario);
        }
        Path root = Path.of(System.getenv().getOrDefault("FMS_BENCH_ROOT", "."))
                .toAbsolutePath()
                .normalize();
        int requests = scenario.equals("hot-trip") ? 20_000 : BenchConfig.PEAK_SALE_REQUESTS;
        Integer trips = null;
        int connections = 64;
        double rate = 0;
        int warmup = 2000;
        long seed = new Random().nextLong() & 0xffffffffL;
        double zipf = 1.0;
        double explicitShare = 0.5;
        List<String> systems = BenchConfig.ALL_SYSTEMS;
        Integer drain = null;
        Integer decisionTimeout = null;
        Path json = null;
        Path chart = null;
        Path results = root.resolve("infra/bench/results");
        Path baselinesJar = null;
        Integer halfRatePhase = null;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--requests" -> requests = bounded(name, value, 1, 20_000_000);
                case "--trips" -> trips = bounded(name, value, 1, 100_000);
                case "--connections" -> connections = bounded(name, value, 1, 4096);
                case "--rate" -> rate = Double.parseDouble(value);
                case "--warmup" -> warmup = bounded(name, value, 0, 1_000_000);
                case "--systems" ->
                    systems = Arrays.stream(value.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
                case "--drain" -> drain = bounded(name, value, 0, 5_000_000);
                case "--zipf" -> zipf = Double.parseDouble(value);
                case "--explicit-share" -> explicitShare = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--decision-timeout-s" -> decisionTimeout = bounded(name, value, 1, 7200);
                case "--json" -> json = Path.of(value);
                case "--chart" -> chart = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--baselines-jar" -> baselinesJar = Path.of(value);
                case "--half-rate-phase-s" -> halfRatePhase = bounded(name, value, 0, 3600);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (rate < 0 || rate > 10_000_000 || explicitShare < 0 || explicitShare > 1 || zipf < 0 || zipf > 5) {
            throw new IllegalArgumentException("--rate, --explicit-share or --zipf out of range");
        }
        if (baselinesJar == null) {
            baselinesJar = findBaselinesJar(root);
        }
        Stack stack = Stack.fromEnvironment(root);
        BenchConfig config = new BenchConfig(
                stack,
                scenario,
                requests,
                trips != null ? trips : BenchConfig.defaultTrips(scenario, requests),
                connections,
                rate,
                warmup,
                seed,
                zipf,
                explicitShare,
                systems,
                drain != null ? drain : scenario.equals("peak-sale") ? Math.min(requests, 50_000) : 0,
                // A backlog of 1.5 million must not be cut off by a bound sized for 20,000: undecided counts as lost.
                decisionTimeout != null ? decisionTimeout : Math.max(600, requests / 500),
                baselinesJar,
                halfRatePhase != null ? halfRatePhase : scenario.equals("peak-sale") ? 30 : 0);
        String commandLine = "infra/fms bench " + String.join(" ", args);
        Files.createDirectories(results);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT));
        Path logs = stack.logsDir();
        BenchResult result;
        try (Heartbeat heartbeat = new Heartbeat(line -> System.out.println("bench: " + line))) {
            result = new Bench(config, heartbeat, logs).measure();
        }
        String markdown = Report.markdown(result, commandLine);
        System.out.println();
        System.out.println(markdown);
        Path report = results.resolve(stamp + "-" + scenario + ".md");
        Path png = chart != null ? chart : results.resolve(stamp + "-" + scenario + ".png");
        Chart.write(result, png);
        Files.writeString(report, markdown + "\n![chart](" + png.getFileName() + ")\n");
        System.out.println("Written: " + report + ", " + png);
        if (json != null) {
            Files.writeString(json, Report.json(result));
            System.out.println("Written: " + json);
        }
        return result.checksHold() ? 0 : 1;
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
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
        }
        return parsed;
    }
}
