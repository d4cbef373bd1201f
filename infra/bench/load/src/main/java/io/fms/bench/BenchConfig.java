package io.fms.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One bench run's settings.
 *
 * @param trips trips the requests go to, each of the shape's layout
 * @param ratePerSecond 0 for closed loop (every connection at full speed)
 * @param warmup unmeasured requests per warm-up round, on trips of their own (the JVMs compile on the way)
 * @param warmupRoundsMax warm-up rounds at most; warming stops earlier once a round is no faster than the best before
 * @param repeat measured runs per system, interleaved: each round runs every system once
 * @param drainCommands booking commands produced straight to Kafka for FMS's drain probe; 0 skips it
 * @param decisionTimeoutSeconds bound on waiting for FMS's decisions after intake
 * @param baselinesJar the baseline servers' runnable jar; the baselines and the HTTP ceiling are skipped without it
 * @param halfRatePhaseSeconds FMS, after the closed-loop run: seconds of open-loop requests at half its ingest rate
 *     (the condition of the latency target); 0 skips it
 * @param dbLatencyMs the delay each direction of every Postgres and Redis connection gets from the latency proxy
 *     (infra/fms bench starts it); 0 for none
 * @param payments how held bookings are paid, when the shape asks for holds
 */
public record BenchConfig(
        Stack stack,
        Scenario scenario,
        int requests,
        int trips,
        int connections,
        double ratePerSecond,
        int warmup,
        int warmupRoundsMax,
        int repeat,
        long seed,
        Workload.Shape shape,
        List<String> systems,
        int drainCommands,
        int decisionTimeoutSeconds,
        Path baselinesJar,
        int halfRatePhaseSeconds,
        int dbLatencyMs,
        DbRoute dbRoute,
        Payments payments) {

    /** Where the systems find Postgres and Redis: the stack's own addresses, or the latency proxy's in front. */
    public record DbRoute(String postgresUrl, String redisHost, int redisPort) {

        static DbRoute direct(Stack stack) {
            return new DbRoute(stack.postgresUrl(), stack.redisHost(), stack.redisPort());
        }
    }

    public static final List<String> ALL_SYSTEMS = List.of("fms", "rowlock", "redislock", "http", "kafka", "postgres");
    public static final int PEAK_SALE_REQUESTS = 1_500_000;
    public static final int REPEAT_DEFAULT = 3;
    public static final int WARMUP_DEFAULT = 2000;
    public static final int WARMUP_ROUNDS_MAX_DEFAULT = 5;

    public BenchConfig {
        systems = List.copyOf(systems);
        for (String system : systems) {
            if (!ALL_SYSTEMS.contains(system)) {
                throw new IllegalArgumentException("unknown system " + system + "; known: " + ALL_SYSTEMS);
            }
        }
        if (dbRoute == null) {
            dbRoute = DbRoute.direct(stack);
        }
        if (payments == null) {
            payments = Payments.DEFAULT;
        }
        if (repeat < 1 || warmupRoundsMax < 1) {
            throw new IllegalArgumentException("--repeat and --warmup-rounds must be at least 1");
        }
    }

    /**
     * A run of the scenario with its own defaults for everything not given here (what the smoke test runs).
     *
     * @param holdShare the share of requests that hold (the "with holds" variant), 0 for none
     * @param payments how those holds are paid; null for the defaults
     */
    public static BenchConfig of(
            Stack stack,
            Scenario scenario,
            int requests,
            int trips,
            int connections,
            long seed,
            List<String> systems,
            Path baselinesJar,
            int repeat,
            double holdShare,
            Payments payments) {
        Workload.Shape shape = scenario.defaults();
        return new BenchConfig(
                stack,
                scenario,
                requests,
                trips,
                connections,
                0,
                0,
                1,
                repeat,
                seed,
                scenario.shape(shape.zipfExponent(), shape.explicitShare(), shape.cancelShare(), holdShare),
                systems,
                0,
                60,
                baselinesJar,
                0,
                0,
                null,
                payments);
    }

    Workload workload() {
        return Workload.generate(trips, requests, shape, seed);
    }

    /** One warm-up round's requests, on trips of their own, with the scenario's shape. */
    Workload warmupWorkload(int round) {
        // About as many seats as the warm-up asks for: confirmations and rejections both get compiled.
        int seats = Math.max(1, warmup) * (1 + Workload.PARTY_MAX) / 2;
        int warmupTrips = Math.max(1, seats / shape.layout().capacity());
        return Workload.generate(
                warmupTrips,
                Math.max(1, warmup),
                new Workload.Shape(shape.layout(), 0, shape.explicitShare(), shape.rowSkew(), shape.cancelShare(), 0),
                seed ^ (0x5DEECE66DL + round));
    }
}
