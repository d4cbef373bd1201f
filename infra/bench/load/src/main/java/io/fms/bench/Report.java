package io.fms.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run's figures as a Markdown table and as JSON. */
final class Report {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Table rows: label, key, format ("n" count, "r" rate, "ms", "s", "%" share). */
    private static final List<String[]> ROWS = List.of(
            new String[] {"requests sent", "requests_sent", "n"},
            new String[] {"202 accepted / synchronous answers", "answered", "n"},
            new String[] {"  of which 409 (FMS: turned away at the door)", "status_409", "n"},
            new String[] {"transport errors / other statuses", "errors", "n"},
            new String[] {"seats confirmed (SQL)", "confirmed_seats", "n"},
            new String[] {"ingest: answers/s", "ingest_per_s", "r"},
            new String[] {"decisions/s", "decisions_per_s", "r"},
            new String[] {"accept p50", "accept_p50_ms", "ms"},
            new String[] {"accept p99", "accept_p99_ms", "ms"},
            new String[] {"submit-to-decision p50", "decide_p50_ms", "ms"},
            new String[] {"submit-to-decision p99", "decide_p99_ms", "ms"},
            new String[] {"submit-to-decision max", "decide_max_ms", "ms"},
            new String[] {"FMS: submit to decision event read, p99", "decision_seen_p99_ms", "ms"},
            new String[] {"backlog when intake ended", "backlog_at_intake_end", "n"},
            new String[] {"drain time of that backlog", "drain_s", "s"},
            new String[] {"drain probe: decisions/s (commands straight to Kafka)", "drain_probe_per_s", "r"},
            new String[] {"CPU s of the system's processes", "cpu_s", "s"},
            new String[] {"load generator CPU share (of all cores)", "generator_cpu_share", "%"},
            new String[] {"double-booked seats", "double_booked_seats", "n"},
            new String[] {"trips over capacity", "trips_over_capacity", "n"},
            new String[] {"answered but never decided (lost)", "lost", "n"});

    private Report() {}

    static String json(Map<String, Object> result) {
        return JSON.writeValueAsString(sanitise(result));
    }

    /** NaN and infinities are not JSON: they become null ("not measured"). */
    private static Object sanitise(Object value) {
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : d;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), sanitise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Report::sanitise).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result, String commandLine) {
        Map<String, Object> systems = (Map<String, Object>) result.get("systems");
        Map<String, Object> ceilings = (Map<String, Object>) result.get("ceilings");
        Map<String, Object> config = (Map<String, Object>) result.get("config");
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(result.get("scenario"))
                .append(": ")
                .append(config.get("requests"))
                .append(" requests, ")
                .append(config.get("trips"))
                .append(" trips of ")
                .append(config.get("seats_per_trip"))
                .append(" seats, ")
                .append(config.get("connections"))
                .append(" connections, ")
                .append(
                        Bench.number(config.get("rate_per_s")) > 0
                                ? "open loop at " + config.get("rate_per_s") + "/s"
                                : "closed loop")
                .append("\n\n`")
                .append(commandLine)
                .append("` (seed ")
                .append(config.get("seed"))
                .append(", ")
                .append(config.get("cores"))
                .append(" cores)\n\n");
        List<String> names = new ArrayList<>(systems.keySet());
        if (!names.isEmpty()) {
            md.append("| |");
            names.forEach(n -> md.append(' ').append(n).append(" |"));
            md.append("\n|---|");
            names.forEach(n -> md.append("---:|"));
            md.append('\n');
            for (String[] row : ROWS) {
                md.append("| ").append(row[0]).append(" |");
                for (String name : names) {
                    Map<String, Object> figures = (Map<String, Object>) systems.get(name);
                    md.append(' ')
                            .append(cell(derived(figures, row[1]), row[2]))
                            .append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
        if (!ceilings.isEmpty()) {
            md.append("| ceiling | rate |\n|---|---:|\n");
            if (ceilings.get("http") instanceof Map<?, ?> http) {
                md.append("| HTTP: trivial POST on the same stack (noop baseline) | ")
                        .append(cell(http.get("requests_per_s"), "r"))
                        .append(" requests/s |\n");
            }
            if (ceilings.get("kafka") instanceof Map<?, ?> kafka) {
                md.append("| Kafka: produce, acks=all + idempotence, ")
                        .append(kafka.get("record_bytes"))
                        .append("-byte records, ")
                        .append(kafka.get("partitions"))
                        .append(" partitions | ")
                        .append(cell(kafka.get("records_per_s"), "r"))
                        .append(" records/s |\n");
            }
            if (ceilings.get("postgres") instanceof Map<?, ?> pg) {
                md.append("| Postgres: batched insert of booking rows, ")
                        .append(pg.get("batch"))
                        .append(" per transaction, ")
                        .append(pg.get("connections"))
                        .append(" connections | ")
                        .append(cell(pg.get("rows_per_s"), "r"))
                        .append(" rows/s |\n");
            }
            md.append('\n');
        }
        Map<String, Object> shares = (Map<String, Object>) result.get("shares_of_ceilings");
        if (shares != null && !shares.isEmpty()) {
            md.append("FMS as a share of its ceilings:");
            shares.forEach((k, v) ->
                    md.append(' ').append(k).append(' ').append(cell(v, "%")).append(';'));
            md.setLength(md.length() - 1);
            md.append("\n\n");
        }
        if (systems.get("fms") instanceof Map<?, ?> fms && fms.get("half_rate_phase") instanceof Map<?, ?> half) {
            md.append("FMS half-rate phase: ");
            if (half.containsKey("skipped")) {
                md.append("skipped (").append(half.get("skipped")).append(")\n\n");
            } else {
                md.append(cell(half.get("requests_sent"), "n"))
                        .append(" requests open loop at ")
                        .append(cell(half.get("rate_per_s"), "r"))
                        .append("/s on ")
                        .append(cell(half.get("trips"), "n"))
                        .append(" fresh trips: ")
                        .append(cell(half.get("accepted_202"), "n"))
                        .append(" accepted; submit-to-decision of the accepted p50 ")
                        .append(cell(half.get("decide_accepted_p50_ms"), "ms"))
                        .append(", p99 ")
                        .append(cell(half.get("decide_accepted_p99_ms"), "ms"))
                        .append(" (all requests, door 409s included: p99 ")
                        .append(cell(half.get("decide_p99_ms"), "ms"))
                        .append("); accept p99 ")
                        .append(cell(half.get("accept_p99_ms"), "ms"))
                        .append("; double-booked ")
                        .append(cell(half.get("double_booked_seats"), "n"))
                        .append(", lost ")
                        .append(cell(half.get("lost"), "n"))
                        .append("\n\n");
            }
        }
        if (result.get("targets") instanceof List<?> targets && !targets.isEmpty()) {
            md.append("| issue 4 target | measured | met |\n|---|---|---|\n");
            for (Object t : targets) {
                Map<?, ?> target = (Map<?, ?>) t;
                Object met = target.get("met");
                md.append("| ")
                        .append(target.get("target"))
                        .append(" | ")
                        .append(target.get("measured"))
                        .append(" | ")
                        .append(met == null ? "not judged" : Boolean.TRUE.equals(met) ? "yes" : "**no**")
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (result.get("skipped") instanceof Map<?, ?> skipped) {
            skipped.forEach((k, v) ->
                    md.append("Skipped ").append(k).append(": ").append(v).append("\n"));
            md.append('\n');
        }
        for (String name : names) {
            Object undecided = ((Map<String, Object>) systems.get(name)).get("undecided_events");
            if (undecided instanceof Number n && n.longValue() > 0) {
                md.append("**")
                        .append(name)
                        .append(": ")
                        .append(n)
                        .append(" accepted requests had no decision when the wait ended** (`--decision-timeout-s`,"
                                + " or 60 s without a new one): the checks count them as lost.\n\n");
            }
        }
        md.append(
                Boolean.TRUE.equals(result.get("checks_hold"))
                        ? "Checks hold: no seat sold twice, no trip over capacity, every answered request decided.\n"
                        : "**A CHECK FAILED**: see double-booked seats, trips over capacity and lost above.\n");
        return md.toString();
    }

    private static Object derived(Map<String, Object> figures, String key) {
        return switch (key) {
            case "status_409" -> ((Map<String, Object>) figures.get("status_counts")).getOrDefault("409", 0);
            case "answered" -> {
                Object accepted = figures.get("accepted_202");
                yield accepted instanceof Number n && n.intValue() > 0 ? n : figures.get("answered");
            }
            case "errors" -> {
                Map<?, ?> statuses = (Map<?, ?>) figures.get("status_counts");
                long other = 0;
                for (Map.Entry<?, ?> e : statuses.entrySet()) {
                    String s = String.valueOf(e.getKey());
                    if (!s.equals("200") && !s.equals("202") && !s.equals("409")) {
                        other += ((Number) e.getValue()).longValue();
                    }
                }
                yield figures.get("transport_errors") + " / " + other;
            }
            case "drain_probe_per_s" ->
                figures.get("drain_probe") instanceof Map<?, ?> probe ? probe.get("decisions_per_s") : null;
            default -> figures.get(key);
        };
    }

    static String cell(Object value, String format) {
        if (value == null) {
            return "-";
        }
        if (!(value instanceof Number number)) {
            return String.valueOf(value);
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "-";
        }
        return switch (format) {
            case "r" -> String.format(Locale.ROOT, "%,.0f", d);
            case "ms" -> String.format(Locale.ROOT, d < 10 ? "%.1f ms" : "%,.0f ms", d);
            case "s" -> String.format(Locale.ROOT, "%.1f s", d);
            case "%" -> String.format(Locale.ROOT, "%.1f %%", d * 100);
            default -> String.format(Locale.ROOT, "%,d", number.longValue());
        };
    }
}
