package io.fms.bench;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.SystemFigures;
import io.fms.bench.BenchResult.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The performance targets FMS is held to, judged from one run's figures. A target's {@code met} is null when the run
 * could not judge it (a system or phase it needs was not run, or a scaled-down run for a target set on the full
 * size), never true by default.
 */
final class Targets {

    private Targets() {}

    static List<Target> judge(
            String scenario, int requests, Map<String, SystemFigures> systems, CeilingResults ceilings) {
        List<Target> targets = new ArrayList<>();
        SystemFigures fms = systems.get("fms");
        SystemFigures rowlock = systems.get("rowlock");
        SystemFigures redislock = systems.get("redislock");
        if (!scenario.equals("hot-trip") && !scenario.equals("peak-sale")) {
            // contention has no target of its own yet: it is reported, not judged.
            return targets;
        }
        if (scenario.equals("hot-trip")) {
            double fmsRate = decisionsPerS(fms);
            ratio(targets, "FMS decisions/s >= 10x rowlock's", fmsRate, decisionsPerS(rowlock), 10);
            ratio(targets, "FMS decisions/s >= 3x redislock's", fmsRate, decisionsPerS(redislock), 3);
            double fmsP99 = fms == null ? Double.NaN : fms.measured().decideP99Ms();
            double rowP99 = rowlock == null ? Double.NaN : rowlock.measured().acceptP99Ms();
            targets.add(new Target(
                    "FMS p99 submit-to-decision <= rowlock's p99 answer / 10",
                    format("FMS %.1f ms, rowlock %.1f ms (/10 = %.1f ms)", fmsP99, rowP99, rowP99 / 10),
                    known(fmsP99, rowP99) ? fmsP99 <= rowP99 / 10 : null));
        } else {
            double ingest = fms == null ? Double.NaN : fms.measured().ingestPerS();
            double http = ceilings.http() == null ? Double.NaN : ceilings.http().requestsPerS();
            Boolean ingestMet = null;
            if (known(ingest)) {
                ingestMet = ingest >= 8000 || (known(http) && ingest >= 0.6 * http);
                if (!ingestMet && !known(http)) {
                    ingestMet = null; // the 60 % alternative needs the HTTP ceiling
                }
            }
            targets.add(new Target(
                    "FMS sustained ingest >= 8,000/s or >= 60 % of the HTTP ceiling",
                    format("%.0f/s; HTTP ceiling %.0f/s (%.1f %%)", ingest, http, 100 * ingest / http), ingestMet));
            double drain =
                    fms != null && fms.drainProbe() != null ? fms.drainProbe().decisionsPerS() : Double.NaN;
            targets.add(new Target(
                    "processor drains a backlog at >= 30,000 decisions/s (drain probe)",
                    format("%.0f decisions/s", drain),
                    known(drain) ? drain >= 30_000 : null));
            HalfRatePhase half = fms == null ? null : fms.halfRatePhase();
            SystemFigures halfFigures = half == null ? null : half.figures();
            double halfP99 = halfFigures == null || halfFigures.measured().accepted() == null
                    ? Double.NaN
                    : halfFigures.measured().accepted().decideAcceptedP99Ms();
            double halfRate = half == null || half.ratePerS() == null ? Double.NaN : half.ratePerS();
            targets.add(new Target(
                    "p99 submit-to-decision < 100 ms at half the max ingest (requests the door accepted)",
                    format("%.1f ms at %.0f/s", halfP99, halfRate),
                    known(halfP99) ? halfP99 < 100 : null));
            // The phase's checks count with the run's; a phase that did not run adds nothing.
            boolean halfChecked = halfFigures != null && halfFigures.checks() != null;
            double doubled = doubleBooked(fms) + (halfChecked ? doubleBooked(halfFigures) : 0);
            double lost = lost(fms) + (halfChecked ? lost(halfFigures) : 0);
            boolean full = requests >= BenchConfig.PEAK_SALE_REQUESTS;
            targets.add(new Target(
                    "the full 1,500,000 requests: zero double-booked, zero lost (FMS)",
                    format("%.0f double-booked, %.0f lost at ", doubled, lost)
                            + String.format(Locale.ROOT, "%,d requests", requests)
                            + (full ? "" : " (scaled down: not the target's size)"),
                    !known(doubled, lost)
                            ? null
                            : doubled == 0 && lost == 0 ? (full ? Boolean.TRUE : null) : Boolean.FALSE));
        }
        return targets;
    }

    private static void ratio(List<Target> targets, String name, double fms, double other, double x) {
        targets.add(new Target(
                name,
                format("FMS %.0f/s, %.0f/s: %.1fx", fms, other, fms / other),
                known(fms, other) ? fms >= x * other : null));
    }

    private static double decisionsPerS(SystemFigures figures) {
        return figures == null ? Double.NaN : figures.measured().decisionsPerS();
    }

    private static double doubleBooked(SystemFigures figures) {
        return figures == null || figures.checks() == null
                ? Double.NaN
                : figures.checks().doubleBookedSeats();
    }

    private static double lost(SystemFigures figures) {
        return figures == null || figures.checks() == null
                ? Double.NaN
                : figures.checks().lost();
    }

    private static boolean known(double... values) {
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args).replace("NaN", "-");
    }
}
