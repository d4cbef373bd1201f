package io.fms.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * One bench run's settings.
 *
 * @param trips trips of 180 seats the requests go to
 * @param ratePerSecond 0 for closed loop (every connection at full speed)
 * @param warmup unmeasured requests per system first, on a trip of their own (the JVMs compile on the way)
 * @param drainCommands booking commands produced straight to Kafka for FMS's drain probe; 0 skips it
 * @param decisionTimeoutSeconds bound on waiting for FMS's decisions after intake
 * @param baselinesJar the baseline servers' runnable jar; the baselines and the HTTP ceiling are skipped without it
 * @param halfRatePhaseSeconds FMS, after the closed-loop run: seconds of open-loop requests at half its ingest rate
 *     (the condition of the latency target); 0 skips it
 */
public record BenchConfig(
        Stack stack,
        String scenario,
        int requests,
        int trips,
        int connections,
        double ratePerSecond,
        int warmup,
        long seed,
        double zipfExponent,
        double explicitShare,
        List<String> systems,
        int drainCommands,
        int decisionTimeoutSeconds,
        Path baselinesJar,
        int halfRatePhaseSeconds) {

    public static final List<String> ALL_SYSTEMS = List.of("fms", "rowlock", "redislock", "http", "kafka", "postgres");
    public static final int PEAK_SALE_REQUESTS = 1_500_000;
    public static final int PEAK_SALE_TRIPS = 2_000;

    public BenchConfig {
        systems = List.copyOf(systems);
        for (String system : systems) {
            if (!ALL_SYSTEMS.contains(system)) {
                throw new IllegalArgumentException("unknown system " + system + "; known: " + ALL_SYSTEMS);
            }
        }
    }

    /**
     * The scenario's workload. peak-sale scaled down with {@code --requests} keeps its demand-to-seats ratio: the
     * trips scale with the requests (2,000 trips per 1.5 million), unless given.
     */
    static int defaultTrips(String scenario, int requests) {
        return scenario.equals("hot-trip")
                ? 1
                : (int) Math.max(1, Math.round((double) PEAK_SALE_TRIPS * requests / PEAK_SALE_REQUESTS));
    }

    Workload workload() {
        return Workload.generate(trips, requests, scenario.equals("hot-trip") ? 0 : zipfExponent, explicitShare, seed);
    }

    Workload warmupWorkload() {
        // About as many seats as the warm-up asks for: confirmations and rejections both get compiled.
        int seats = Math.max(1, warmup) * (1 + Workload.PARTY_MAX) / 2;
        int warmupTrips = Math.max(1, seats / Workload.CAPACITY);
        return Workload.generate(warmupTrips, Math.max(1, warmup), 0, explicitShare, seed ^ 0x5DEECE66DL);
    }
}
