package io.fms.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 4's targets, judged from one run's figures. Each is {@code {"target", "measured", "met"}}; {@code met} is
 * null when the run could not judge it (a system or phase it needs was not run, or a scaled-down run for a target
 * set on the full size), never true by default.
 */
final class Targets {

    private Targets() {}

    static List<Map<String, Object>> judge(
            String scenario, int requests, Map<String, Object> systems, Map<String, Object> ceilings) {
        List<Map<String, Object>> targets = new ArrayList<>();
        Map<?, ?> fms = map(systems.get("fms"));
        Map<?, ?> rowlock = map(systems.get("rowlock"));
        Map<?, ?> redislock = map(systems.get("redislock"));
        if (scenario.equals("hot-trip")) {
            double fmsRate = get(fms, "decisions_per_s");
            ratio(targets, "FMS decisions/s >= 10x rowlock's", fmsRate, get(rowlock, "decisions_per_s"), 10);
            ratio(targets, "FMS decisions/s >= 3x redislock's", fmsRate, get(redislock, "decisions_per_s"), 3);
            double fmsP99 = get(fms, "decide_p99_ms");
            double rowP99 = get(rowlock, "accept_p99_ms");
            targets.add(target(
                    "FMS p99 submit-to-decision <= rowlock's p99 answer / 10",
                    format("FMS %.1f ms, rowlock %.1f ms (/10 = %.1f ms)", fmsP99, rowP99, rowP99 / 10),
                    known(fmsP99, rowP99) ? fmsP99 <= rowP99 / 10 : null));
        } else {
            double ingest = get(fms, "ingest_per_s");
            double http = ceilings.get("http") instanceof Map<?, ?> h ? get(h, "requests_per_s") : Double.NaN;
            Boolean ingestMet = null;
            if (known(ingest)) {
                ingestMet = ingest >= 8000 || (known(http) && ingest >= 0.6 * http);
                if (!ingestMet && !known(http)) {
                    ingestMet = null; // the 60 % alternative needs the HTTP ceiling
                }
            }
            targets.add(target(
                    "FMS sustained ingest >= 8,000/s or >= 60 % of the HTTP ceiling",
                    format("%.0f/s; HTTP ceiling %.0f/s (%.1f %%)", ingest, http, 100 * ingest / http), ingestMet));
            double drain = fms != null && fms.get("drain_probe") instanceof Map<?, ?> probe
                    ? get(probe, "decisions_per_s")
                    : Double.NaN;
            targets.add(target(
                    "processor drains a backlog at >= 30,000 decisions/s (drain probe)",
                    format("%.0f decisions/s", drain),
                    known(drain) ? drain >= 30_000 : null));
            Map<?, ?> half = fms == null ? null : map(fms.get("half_rate_phase"));
            double halfP99 = get(half, "decide_accepted_p99_ms");
            targets.add(target(
                    "p99 submit-to-decision < 100 ms at half the max ingest (requests the door accepted)",
                    format("%.1f ms at %.0f/s", halfP99, get(half, "rate_per_s")),
                    known(halfP99) ? halfP99 < 100 : null));
            double doubled = get(fms, "double_booked_seats") + get(half, "double_booked_seats", 0);
            double lost = get(fms, "lost") + get(half, "lost", 0);
            boolean full = requests >= BenchConfig.PEAK_SALE_REQUESTS;
            targets.add(target(
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

    private static void ratio(List<Map<String, Object>> targets, String name, double fms, double other, double x) {
        targets.add(target(
                name,
                format("FMS %.0f/s, %.0f/s: %.1fx", fms, other, fms / other),
                known(fms, other) ? fms >= x * other : null));
    }

    private static Map<String, Object> target(String name, String measured, Boolean met) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", name);
        t.put("measured", measured);
        t.put("met", met);
        return t;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> m ? m : null;
    }

    private static double get(Map<?, ?> figures, String key) {
        return figures == null ? Double.NaN : Bench.number(figures.get(key));
    }

    private static double get(Map<?, ?> figures, String key, double otherwise) {
        return figures == null || !figures.containsKey(key) ? otherwise : Bench.number(figures.get(key));
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
