package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.Cpu;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.RunConfig;
import io.fms.bench.BenchResult.SystemFigures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The report's two forms pinned byte for byte on made-up runs: the JSON (snake_case names, their order, null for
 * "not measured", absent for "does not apply") and the Markdown table. A change to either shows up here first.
 */
class ReportTest {

    private static final int CORES = 2;
    private static final Checks.Result CHECKED = new Checks.Result(1234, 0, 0, 0, null);

    /** peak-sale with every system and ceiling, the drain probe and a measured half-rate phase. */
    static BenchResult everySystem() {
        BenchConfig config = config("peak-sale", 3000, 4, 64, 0, 2000, 42, 1.0, 0.5, BenchConfig.ALL_SYSTEMS, 5000, 30);
        SystemFigures half = fms(1500, new Checks.Result(600, 0, 0, 0, null));
        SystemFigures fms = Repeats.median(
                        List.of(fms(3000, CHECKED), fms(2000, CHECKED), fms(2500, CHECKED)), "decisions_per_s")
                .withDrainProbe(new FmsSystem.DrainProbe(5000, 84, 0.25, 5000, 0.4, 4999 / 0.4, 0.3))
                .withHalfRatePhase(HalfRatePhase.measured(half, 750.5, 1500, 2));
        Map<String, SystemFigures> systems = new LinkedHashMap<>();
        systems.put("fms", fms);
        systems.put("rowlock", baseline("rowlock", new Checks.Result(300, 0, 0, 0, null)));
        systems.put("redislock", baseline("redislock", new Checks.Result(290, 0, 0, 0, null)));
        CeilingResults ceilings = new CeilingResults(httpCeiling(), kafka(), postgres());
        return result(config, systems, ceilings, Map.of());
    }

    /** hot-trip, open loop (so no half-rate phase), a booking lost, two systems skipped, one ceiling. */
    static BenchResult aFailedCheckAndSkippedSystems() {
        BenchConfig config = config(
                "hot-trip",
                800,
                1,
                16,
                500,
                0,
                7,
                1.0,
                0.5,
                List.of("fms", "rowlock", "redislock", "kafka", "postgres"),
                0,
                30);
        SystemFigures fms = fms(800, new Checks.Result(180, 0, 0, 1, null))
                .withHalfRatePhase(
                        HalfRatePhase.skipped("the run itself is open loop (--rate): no closed-loop ingest to halve"));
        Map<String, SystemFigures> systems = new LinkedHashMap<>();
        systems.put("fms", fms);
        systems.put("rowlock", baseline("rowlock", new Checks.Result(180, 0, 0, 0, null)));
        Map<String, String> skipped = new LinkedHashMap<>();
        skipped.put(
                "redislock",
                "the baselines jar /nowhere.jar is missing: build it with ./mvnw -pl infra/bench/baselines -am"
                        + " package -DskipTests");
        skipped.put("kafka", "the ceiling's measurement failed: no broker");
        return result(config, systems, new CeilingResults(null, null, postgres()), skipped);
    }

    /** The Kafka ceiling alone: no system, so no table and no shares. */
    static BenchResult aCeilingAlone() {
        BenchConfig config = config("peak-sale", 20000, 27, 64, 0, 2000, 9, 1.2, 0.4, List.of("kafka"), 0, 0);
        return result(config, new LinkedHashMap<>(), new CeilingResults(null, kafka(), null), Map.of());
    }

    @Test
    void theJsonKeepsItsNamesOrderAndNulls() {
        assertThat(Report.json(everySystem())).isEqualTo(resource("report-a.json"));
        assertThat(Report.json(aFailedCheckAndSkippedSystems())).isEqualTo(resource("report-b.json"));
        assertThat(Report.json(aCeilingAlone())).isEqualTo(resource("report-c.json"));
    }

    @Test
    void theMarkdownKeepsItsTable() {
        assertThat(Report.markdown(everySystem(), "infra/fms bench peak-sale --requests 3000"))
                .isEqualTo(resource("report-a.md"));
        assertThat(Report.markdown(
                        aFailedCheckAndSkippedSystems(), "infra/fms bench hot-trip --requests 800 --rate 500"))
                .isEqualTo(resource("report-b.md"));
        assertThat(Report.markdown(aCeilingAlone(), "infra/fms bench peak-sale --systems kafka"))
                .isEqualTo(resource("report-c.md"));
    }

    @Test
    void theWithHoldsVariantAddsItsRowsAndFiguresOnlyWhenPlayed() {
        BenchConfig config = BenchConfig.of(
                Fixtures.STACK,
                Scenario.CONTENTION,
                900,
                1,
                64,
                5,
                List.of("rowlock"),
                Path.of("/nowhere.jar"),
                1,
                0.5,
                new Payments(30, 20, 0.1, true));
        Outcomes outcomes = Fixtures.outcomes(900, false);
        outcomes.holdsPlayed = true;
        for (int i = 1; i < 900; i += 5) {
            // Every fifth request that was answered 200 held; every other one of those was abandoned.
            if (outcomes.status[i] == 200) {
                outcomes.decision[i] = Outcomes.HELD;
                outcomes.paymentSent[i] = i % 10 != 1;
                outcomes.paidNs[i] = outcomes.paymentSent[i] ? outcomes.decidedNs[i] + Fixtures.MS : 0;
            }
        }
        CpuMeter.Sample before = new CpuMeter.Sample(1_000_000_000L, Fixtures.processes(1, true), 1.0, 100.0);
        CpuMeter.Sample after = new CpuMeter.Sample(2_000_000_000L, Fixtures.processes(1.25, true), 1.2, 101.5);
        Measurement measured = Measurement.of(outcomes, workload(900), false);
        SystemFigures rowlock = SystemFigures.baseline(
                measured,
                Cpu.between(before, after, Bench.CPU_OF.get("rowlock"), CORES),
                after.generatorShareSince(before, CORES),
                new Checks.Result(300, 0, 0, 0, new Checks.HoldsLeft(3, 1, false)));
        BenchResult held = result(
                config,
                new LinkedHashMap<>(Map.of("rowlock", rowlock)),
                new CeilingResults(null, null, null),
                Map.of());
        Measurement.Holds holds = measured.holds();
        assertThat(holds.held())
                .as("the fixture holds some: the positive control")
                .isPositive();

        assertThat(Report.markdown(held, "infra/fms bench contention --hold-share 0.5"))
                .contains("| holds: held (paid / payments sent) | " + holds.held() + " (" + holds.paid() + " / "
                        + holds.paymentsSent() + ") |")
                .contains("| holds at the end: expired / still held (SQL) | 3 / 1 |")
                .contains("50.0 % asking for a hold of 30 s, paid 20 ms after the hold was known by all but 10.0 %");
        assertThat(Report.json(held))
                .contains("\"held\" : " + holds.held() + ",")
                .contains("\"payments_sent\" : " + holds.paymentsSent() + ",")
                .contains("\"paid\" : " + holds.paid() + ",")
                .contains("\"expired\" : 3,", "\"still_held\" : 1")
                .contains("\"hold_seconds\" : 30,", "\"pay_after_ms\" : 20,", "\"abandon_share\" : 0.1");
        assertThat(new Checks.Result(300, 0, 0, 0, new Checks.HoldsLeft(3, 1, true)).hold())
                .as("a hold still held after every deadline passed fails the checks")
                .isFalse();
        assertThat(new Checks.Result(300, 0, 0, 0, new Checks.HoldsLeft(4, 0, true)).hold())
                .isTrue();
        assertThat(Report.markdown(everySystem(), "infra/fms bench peak-sale")).doesNotContain("holds");
        assertThat(Report.json(everySystem())).doesNotContain("\"held\"", "\"payments\"", "\"expired\"");
    }

    static BenchConfig config(
            String scenario,
            int requests,
            int trips,
            int connections,
            double rate,
            int warmup,
            long seed,
            double zipf,
            double explicitShare,
            List<String> systems,
            int drain,
            int halfRatePhaseSeconds) {
        Stack stack = Fixtures.STACK;
        Scenario named = Scenario.named(scenario);
        return new BenchConfig(
                stack,
                named,
                requests,
                trips,
                connections,
                rate,
                warmup,
                5,
                systems.contains("fms") && scenario.equals("peak-sale") ? 3 : 1,
                seed,
                named.shape(zipf, explicitShare, named.defaults().cancelShare(), 0),
                systems,
                drain,
                600,
                Path.of("/nowhere.jar"),
                halfRatePhaseSeconds,
                0,
                null,
                null);
    }

    private static BenchResult result(
            BenchConfig config,
            Map<String, SystemFigures> systems,
            CeilingResults ceilings,
            Map<String, String> skipped) {
        Map<String, List<Double>> warmups = new LinkedHashMap<>();
        systems.keySet().forEach(name -> warmups.put(name, List.of(1200.0, 1900.0, 1950.0)));
        List<List<String>> order = config.repeat() == 3
                ? List.of(List.of("fms", "rowlock"), List.of("rowlock", "fms"), List.of("fms", "rowlock"))
                : List.of(List.copyOf(systems.keySet()));
        Map<String, String> durability = new LinkedHashMap<>();
        durability.put("postgres_fsync", "on");
        durability.put("postgres_synchronous_commit", "on");
        durability.put("redis_appendfsync", "everysec");
        BenchResult.Method method = new BenchResult.Method(
                Bench.WARMUP_RULE,
                warmups,
                order,
                Bench.SPREAD,
                "CHECKPOINT + VACUUM (0.4 s)",
                durability,
                Bench.DECISION_TIME,
                Bench.DECISION_WATCHER);
        return BenchResult.of(
                config.scenario().label(),
                RunConfig.of(config, config.workload(), CORES),
                method,
                systems,
                ceilings,
                skipped);
    }

    private static SystemFigures fms(int requests, Checks.Result checks) {
        Outcomes outcomes = Fixtures.outcomes(requests, true);
        int accepted = outcomes.count(202);
        int decided = 0;
        for (int i = 0; i < requests; i++) {
            if (outcomes.status[i] == 202 && outcomes.decidedNs[i] != 0) {
                decided++;
            }
        }
        CpuMeter.Sample before = new CpuMeter.Sample(1_000_000_000L, Fixtures.processes(1, false), 1.0, 100.0);
        CpuMeter.Sample intakeDone = new CpuMeter.Sample(3_000_000_000L, Fixtures.processes(1.5, false), 1.4, 103.0);
        CpuMeter.Sample after = new CpuMeter.Sample(4_500_000_000L, Fixtures.processes(2, false), 1.7, 105.0);
        return SystemFigures.fms(
                Measurement.of(outcomes, workload(requests), true),
                accepted - decided,
                1,
                Cpu.between(before, after, Bench.CPU_OF.get("fms"), CORES),
                intakeDone.generatorShareSince(before, CORES),
                checks);
    }

    private static SystemFigures baseline(String design, Checks.Result checks) {
        CpuMeter.Sample before = new CpuMeter.Sample(1_000_000_000L, Fixtures.processes(1, true), 1.0, 100.0);
        CpuMeter.Sample after = new CpuMeter.Sample(2_000_000_000L, Fixtures.processes(1.25, true), 1.2, 101.5);
        return SystemFigures.baseline(
                Measurement.of(Fixtures.outcomes(900, false), workload(900), false),
                Cpu.between(before, after, Bench.CPU_OF.get(design), CORES),
                after.generatorShareSince(before, CORES),
                checks);
    }

    private static SystemFigures httpCeiling() {
        CpuMeter.Sample before = new CpuMeter.Sample(1_000_000_000L, Fixtures.processes(1, true), 1.0, 100.0);
        CpuMeter.Sample after = new CpuMeter.Sample(2_000_000_000L, Fixtures.processes(1.25, true), 1.2, 101.5);
        return SystemFigures.httpCeiling(
                Measurement.of(Fixtures.outcomes(900, false), workload(900), false),
                Cpu.between(before, after, Bench.CPU_OF.get("http"), CORES),
                after.generatorShareSince(before, CORES));
    }

    /** The fixtures' requests on one trip, parties of 1-4: what the sell-out time is computed from. */
    private static Workload workload(int requests) {
        return Workload.generate(1, requests, 0, 0.5, 3);
    }

    private static Ceilings.Kafka kafka() {
        return new Ceilings.Kafka(100000, 312, 12, 100000 / 1.6);
    }

    private static Ceilings.Postgres postgres() {
        return new Ceilings.Postgres(50000, 500, 2, 50000 / 2.5);
    }

    static String resource(String name) {
        try (InputStream in = ReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
