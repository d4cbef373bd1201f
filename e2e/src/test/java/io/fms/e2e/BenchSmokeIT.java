package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.bench.Bench;
import io.fms.bench.BenchConfig;
import io.fms.bench.Stack;
import io.fms.testkit.TestPostgres;
import io.fms.testkit.TestRedis;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark's runner, scaled down to a few hundred requests, against the services started here and the two
 * baselines (rowlock, redislock: the bench starts their jar as child processes on the same Postgres and Redis): it
 * asserts only what the bench checks by SQL (no seat sold twice, no trip over capacity, nothing answered and then
 * lost); speed is never asserted.
 */
@Order(6)
@ExtendWith(FmsStack.class)
class BenchSmokeIT {

    private static final int REQUESTS = 400;
    private static final int TRIPS = 3;

    @Test
    @SuppressWarnings("unchecked")
    void aSmallPeakSaleSellsNoSeatTwiceAndLosesNothing(RunningFms fms) throws Exception {
        Path moduleTarget =
                Path.of(System.getProperty("fms.e2e.moduleDir", ".")).resolve("target");
        // No .fms/ under the root: the runner measures no CPU here, which nothing below looks at.
        Stack stack = new Stack(
                moduleTarget.resolve("bench-smoke"),
                fms.service(FmsStack.API).baseUri(),
                fms.adminKey(),
                fms.bootstrapServers(),
                fms.databaseUrl(),
                TestPostgres.USER,
                TestPostgres.PASSWORD,
                "127.0.0.1",
                TestRedis.port());
        long seed = System.nanoTime();
        Path baselinesJar = moduleTarget
                .getParent()
                .getParent()
                .resolve("infra/bench/baselines/target/bench-baselines-0.1.0-SNAPSHOT-exec.jar");
        assertThat(baselinesJar).as("built before e2e (its test dependency)").isRegularFile();
        BenchConfig config = new BenchConfig(
                stack,
                "peak-sale",
                REQUESTS,
                TRIPS,
                16,
                0,
                0,
                seed,
                1.0,
                0.5,
                List.of("fms", "rowlock", "redislock"),
                0,
                60,
                baselinesJar,
                0);

        Map<String, Object> result = new Bench(
                        config, line -> System.out.println("bench smoke: " + line), moduleTarget.resolve("e2e-logs"))
                .run();

        Map<String, Object> systems = (Map<String, Object>) result.get("systems");
        assertThat(systems).as("seed %d", seed).containsOnlyKeys("fms", "rowlock", "redislock");
        for (Map.Entry<String, Object> system : systems.entrySet()) {
            Map<String, Object> figures = (Map<String, Object>) system.getValue();
            String what = system.getKey() + ", seed " + seed + ": " + figures;
            assertThat(figures.get("requests_sent")).as(what).isEqualTo(REQUESTS);
            assertThat(figures.get("transport_errors")).as(what).isEqualTo(0);
            assertThat(((Map<String, Integer>) figures.get("status_counts")).keySet())
                    .as(
                            "FMS answers 202 or 409 at the door, the baselines 200 or 409 (or 503: not decided, nothing"
                                    + " written, by contract): %s",
                            what)
                    .isSubsetOf("202", "409", "200", "503");
            assertThat((long) figures.get("confirmed_seats")).as(what).isPositive();
            assertThat(figures.get("double_booked_seats")).as(what).isEqualTo(0L);
            assertThat(figures.get("trips_over_capacity")).as(what).isEqualTo(0L);
            assertThat(figures.get("lost")).as(what).isEqualTo(0L);
        }
        Map<String, Object> fmsFigures = (Map<String, Object>) systems.get("fms");
        assertThat(fmsFigures.get("undecided_events"))
                .as("every 202 has its decision on fms.booking.events: %s", fmsFigures)
                .isEqualTo(0);
        assertThat(result.get("checks_hold")).isEqualTo(true);
    }
}
