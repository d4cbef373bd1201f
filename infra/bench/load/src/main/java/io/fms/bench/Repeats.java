package io.fms.bench;

import io.fms.bench.BenchResult.Spread;
import io.fms.bench.BenchResult.SystemFigures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A system's repeated runs as one set of figures: the run whose headline figure is the median (so that every
 * figure shown comes from one consistent run), with the minimum, median and maximum of each main figure over all
 * runs beside it, and the checks of every run added up.
 */
final class Repeats {

    /** The figures whose spread is reported, by their JSON names. */
    static final Map<String, ToDoubleFunction<SystemFigures>> FIGURES = figures();

    private Repeats() {}

    private static Map<String, ToDoubleFunction<SystemFigures>> figures() {
        Map<String, ToDoubleFunction<SystemFigures>> figures = new LinkedHashMap<>();
        figures.put("decisions_per_s", f -> f.measured().decisionsPerS());
        figures.put(
                "accepted_path_decisions_per_s",
                f -> f.measured().acceptedPath().decisionsPerS());
        figures.put("confirmed_per_s", f -> f.measured().confirmedPerS());
        figures.put("sellout_s", f -> f.measured().selloutS());
        figures.put("ingest_per_s", f -> f.measured().ingestPerS());
        figures.put("accept_p99_ms", f -> f.measured().acceptP99Ms());
        figures.put("decide_p50_ms", f -> f.measured().decideP50Ms());
        figures.put("decide_p99_ms", f -> f.measured().decideP99Ms());
        figures.put(
                "decide_accepted_p99_ms",
                f -> f.measured().accepted() == null
                        ? Double.NaN
                        : f.measured().accepted().decideAcceptedP99Ms());
        figures.put("cpu_s", f -> f.cpu().cpuS());
        figures.put("cpu_us_per_accepted", SystemFigures::cpuUsPerAccepted);
        figures.put("cpu_us_per_decision", SystemFigures::cpuUsPerDecision);
        return figures;
    }

    /** @param headline the figure (a key of {@link #FIGURES}) that ranks the runs */
    static SystemFigures median(List<SystemFigures> runs, String headline) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        ToDoubleFunction<SystemFigures> rank = FIGURES.get(headline);
        List<SystemFigures> sorted = new ArrayList<>(runs);
        // Unmeasured (NaN) runs rank last: a median is of what was measured.
        sorted.sort(Comparator.comparingDouble(f -> {
            double v = rank.applyAsDouble(f);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        }));
        SystemFigures median = sorted.get((sorted.size() - 1) / 2);
        Map<String, Spread> spread = new LinkedHashMap<>();
        FIGURES.forEach((name, figure) -> spread.put(name, spread(runs, figure)));
        return median.withRepeats(runs.size(), spread, allChecks(runs));
    }

    static Spread spread(List<SystemFigures> runs, ToDoubleFunction<SystemFigures> figure) {
        double[] values = runs.stream().mapToDouble(figure).toArray();
        double[] measured = Arrays.stream(values)
                .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v))
                .sorted()
                .toArray();
        if (measured.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, values);
        }
        double median = measured.length % 2 == 1
                ? measured[measured.length / 2]
                : (measured[measured.length / 2 - 1] + measured[measured.length / 2]) / 2;
        return new Spread(measured[0], median, measured[measured.length - 1], values);
    }

    /** Every run's checks added up; null when a run had none (the HTTP ceiling). */
    private static Checks.Result allChecks(List<SystemFigures> runs) {
        Checks.Result all = null;
        for (SystemFigures run : runs) {
            if (run.checks() == null) {
                return null;
            }
            all = all == null ? run.checks() : all.plus(run.checks());
        }
        return all;
    }
}
