package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.bench.Bench;
import io.fms.bench.BenchConfig;
import io.fms.bench.BenchResult;
import io.fms.bench.Checks;
import io.fms.bench.Measurement;
import io.fms.bench.Payments;
import io.fms.bench.Scenario;
import io.fms.bench.Stack;
import io.fms.testkit.TestPostgres;
import io.fms.testkit.TestRedis;
import java.nio.file.Path;
import java.util.List;
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
    void aSmallPeakSaleSellsNoSeatTwiceAndLosesNothing(RunningFms fms) throws Exception {
        BenchResult result = smokeRun(fms, Scenario.PEAK_SALE, REQUESTS, TRIPS, List.of("fms", "rowlock", "redislock"));
        assertThat(result.checksHold()).isTrue();
    }

    /**
     * The contention shape, small: a wide-body trip, crowded front rows and cancellations of confirmed bookings while
     * the run goes on; the cancelled seats sell again without a seat sold twice, on every system (FMS frees and
     * resells a seat within one batch: the batch's released seats are written before its new ones).
     */
    @Test
    void aSmallContentionRunCancelsAndSellsNoSeatTwice(RunningFms fms) throws Exception {
        BenchResult result = smokeRun(fms, Scenario.CONTENTION, REQUESTS, 1, List.of("fms", "rowlock", "redislock"));
        result.systems()
                .forEach((name, figures) -> assertThat(figures.measured().cancelled())
                        .as("%s: cancellations took effect", name)
                        .isPositive());
        assertThat(result.checksHold()).isTrue();
    }

    /**
     * The "with holds" variant, small: half the requests hold, most of their clients pay at once, a fifth never
     * pay. Whatever the timing, every payment sent confirmed its hold (the holds are far longer than the run), and
     * every hold not paid ends the run expired or still held, never confirmed, on every system. The bench's wait for
     * the unpaid holds to lapse (30 s and more per system) is skipped here; the real runs make it.
     */
    @Test
    void aSmallRunWithHoldsConfirmsEveryPaidHoldAndSellsNoSeatTwice(RunningFms fms) throws Exception {
        BenchResult result = smokeRun(
                fms,
                Scenario.CONTENTION,
                300,
                1,
                List.of("fms", "rowlock", "redislock"),
                new Payments(Payments.HOLD_SECONDS_MIN, 0, 0.2, false));
        result.systems().forEach((name, figures) -> {
            Measurement.Holds holds = figures.measured().holds();
            assertThat(holds.held()).as("%s: some requests held", name).isPositive();
            assertThat(holds.paymentsSent())
                    .as("%s: some clients paid, some abandoned", name)
                    .isPositive()
                    .isLessThan(holds.held());
            assertThat(holds.paid())
                    .as("%s: every payment sent confirmed its hold", name)
                    .isEqualTo(holds.paymentsSent());
            Checks.HoldsLeft left = figures.checks().holdsLeft();
            assertThat(left.expired() + left.stillHeld())
                    .as("%s: every hold not paid is expired or still held", name)
                    .isEqualTo(holds.held() - holds.paid());
        });
        assertThat(result.checksHold()).isTrue();
    }

    private static BenchResult smokeRun(
            RunningFms fms, Scenario scenario, int requests, int trips, List<String> systems) throws Exception {
        return smokeRun(fms, scenario, requests, trips, systems, null);
    }

    /** @param payments the "with holds" variant (half the requests hold), or null for none */
    private static BenchResult smokeRun(
            RunningFms fms, Scenario scenario, int requests, int trips, List<String> systems, Payments payments)
            throws Exception {
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
        BenchConfig config = BenchConfig.of(
                stack,
                scenario,
                requests,
                trips,
                16,
                seed,
                systems,
                baselinesJar,
                1,
                payments == null ? 0 : 0.5,
                payments);

        BenchResult result = new Bench(
                        config, line -> System.out.println("bench smoke: " + line), moduleTarget.resolve("e2e-logs"))
                .measure();

        assertThat(result.systems()).as("seed %d", seed).containsOnlyKeys(systems);
        result.systems().forEach((name, figures) -> {
            String what = name + ", seed " + seed + ": " + figures;
            Measurement measured = figures.measured();
            assertThat(measured.requestsSent()).as(what).isEqualTo(requests);
            assertThat(measured.transportErrors()).as(what).isEqualTo(0);
            assertThat(measured.statusCounts().keySet())
                    .as(
                            "FMS answers 202 or 409 at the door, the baselines 200 or 409 (or 503: not decided, nothing"
                                    + " written, by contract): %s",
                            what)
                    .isSubsetOf("202", "409", "200", "503");
            assertThat(figures.checks().confirmedSeats()).as(what).isPositive();
            assertThat(figures.checks().doubleBookedSeats()).as(what).isZero();
            assertThat(figures.checks().tripsOverCapacity()).as(what).isZero();
            assertThat(figures.checks().lost()).as(what).isZero();
        });
        if (systems.contains("fms")) {
            assertThat(result.systems().get("fms").undecidedEvents())
                    .as("every 202 has its decision on fms.booking.events")
                    .isEqualTo(0);
        }
        return result;
    }
}
