package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.SystemFigures;
import io.fms.bench.BenchResult.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The performance targets are judged from the figures: met, not met, or not judged; never met by default. */
class TargetsTest {

    private static final double NOT_MEASURED = Double.NaN;
    private static final CeilingResults NO_CEILINGS = new CeilingResults(null, null, null);

    @Test
    void hotTripRatiosAndTheLatencyTarget() {
        Map<String, SystemFigures> systems = new LinkedHashMap<>();
        systems.put("fms", figures(measured(10_000.0, 30.0, NOT_MEASURED, NOT_MEASURED, null), null));
        systems.put("rowlock", figures(measured(1_000.0, NOT_MEASURED, 400.0, NOT_MEASURED, null), null));
        systems.put("redislock", figures(measured(3_500.0, NOT_MEASURED, 300.0, NOT_MEASURED, null), null));

        List<Target> targets = Targets.judge("hot-trip", 20_000, systems, NO_CEILINGS);

        assertThat(targets).extracting(Target::met).containsExactly(true, false, true);
    }

    @Test
    void contentionIsReportedNotJudged() {
        Map<String, SystemFigures> systems =
                Map.of("fms", figures(measured(10_000.0, 1.0, NOT_MEASURED, 9_000.0, null), null));
        assertThat(Targets.judge("hot-trip", 20_000, systems, new CeilingResults(null, null, null)))
                .as("the same figures are judged for hot-trip: the positive control")
                .isNotEmpty();
        assertThat(Targets.judge("contention", 20_000, systems, new CeilingResults(null, null, null)))
                .isEmpty();
    }

    @Test
    void aMissingSystemIsNotJudgedRatherThanMet() {
        Map<String, SystemFigures> systems =
                Map.of("fms", figures(measured(10_000.0, 1.0, NOT_MEASURED, NOT_MEASURED, null), null));

        List<Target> targets = Targets.judge("hot-trip", 20_000, systems, NO_CEILINGS);

        assertThat(targets).extracting(Target::met).containsOnlyNulls();
    }

    @Test
    void peakSaleJudgesIngestAgainstTheCeilingDrainHalfRateLatencyAndTheChecksAtFullSizeOnly() {
        SystemFigures half = figures(
                measured(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, 150.0),
                new Checks.Result(0, 0, 0, 0, null));
        SystemFigures fms = figures(
                        measured(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, 2_000.0, null),
                        new Checks.Result(0, 0, 0, 0, null))
                .withDrainProbe(probe(31_000.0))
                .withHalfRatePhase(HalfRatePhase.measured(half, 1000.0, 1000, 1));
        SystemFigures http = SystemFigures.httpCeiling(
                measured(NOT_MEASURED, NOT_MEASURED, NOT_MEASURED, 3_000.0, null), null, NOT_MEASURED);
        CeilingResults ceilings = new CeilingResults(http, null, null);

        List<Target> scaled = Targets.judge("peak-sale", 20_000, Map.of("fms", fms), ceilings);
        List<Target> full = Targets.judge("peak-sale", 1_500_000, Map.of("fms", fms), ceilings);

        // 2,000/s is 67 % of a 3,000/s ceiling: met by the second clause.
        assertThat(scaled).extracting(Target::met).containsExactly(true, true, false, null);
        assertThat(full).extracting(Target::met).containsExactly(true, true, false, true);
        SystemFigures oneLost = figures(fms.measured(), new Checks.Result(0, 0, 0, 1, null))
                .withDrainProbe(fms.drainProbe())
                .withHalfRatePhase(fms.halfRatePhase());
        assertThat(Targets.judge("peak-sale", 20_000, Map.of("fms", oneLost), ceilings)
                        .get(3)
                        .met())
                .isEqualTo(false);
    }

    /** A system's figures with only what a target reads; everything else not measured. */
    private static Measurement measured(
            double decisionsPerS,
            double decideP99Ms,
            double acceptP99Ms,
            double ingestPerS,
            Double decideAcceptedP99Ms) {
        double n = NOT_MEASURED;
        Measurement.Accepted accepted =
                decideAcceptedP99Ms == null ? null : new Measurement.Accepted(n, decideAcceptedP99Ms, n, n, n);
        return new Measurement(
                0,
                0,
                0,
                new TreeMap<>(),
                0,
                0,
                0,
                null,
                new Measurement.AcceptedPath(0, 0, 0, n),
                0,
                null,
                n,
                ingestPerS,
                decisionsPerS,
                n,
                n,
                n,
                acceptP99Ms,
                n,
                n,
                n,
                decideP99Ms,
                n,
                n,
                0,
                0,
                n,
                accepted,
                new Measurement.Timeline(new int[0], new int[0]));
    }

    private static SystemFigures figures(Measurement measured, Checks.Result checks) {
        return new SystemFigures(
                measured, null, null, null, n(), n(), NOT_MEASURED, checks, null, null, null, null, null, null);
    }

    private static double n() {
        return NOT_MEASURED;
    }

    private static FmsSystem.DrainProbe probe(double decisionsPerS) {
        double n = NOT_MEASURED;
        return new FmsSystem.DrainProbe(0, 0, n, 0, n, decisionsPerS, n);
    }
}
