package io.fms.bench;

import io.fms.bench.BenchResult.CeilingResults;
import io.fms.bench.BenchResult.HalfRatePhase;
import io.fms.bench.BenchResult.SystemFigures;
import io.fms.bench.BenchResult.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The run's figures as a Markdown table and as JSON. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule("not-measured")
                    .addSerializer(Double.class, new NotMeasuredAsNull())
                    .addSerializer(double.class, new NotMeasuredAsNull()))
            .build();

    /**
     * One row of the table: its label, the figure of a system, how the figure is written, and (for the main figures)
     * the name of its spread: repeated, the row shows the median of the runs and their min-max.
     */
    private record Row(String label, Function<SystemFigures, Object> figure, String format, String spread) {
        Row(String label, Function<SystemFigures, Object> figure, String format) {
            this(label, figure, format, null);
        }
    }

    /** Formats: "n" count, "r" rate, "ms", "s", "%" share, "us" microseconds. */
    private static final List<Row> ROWS = List.of(
            new Row("requests sent", f -> f.measured().requestsSent(), "n"),
            new Row("202 accepted / synchronous answers", Report::answered, "n"),
            new Row(
                    "FMS: turned away at the door (409, decided at once)",
                    f -> f.measured().turnedAwayAtDoor(),
                    "n"),
            new Row(
                    "accepted path: decided (confirmed / rejected)",
                    f -> cell(f.measured().acceptedPath().decided(), "n") + " ("
                            + cell(f.measured().acceptedPath().confirmed(), "n") + " / "
                            + cell(f.measured().acceptedPath().rejected(), "n") + ")",
                    "n"),
            new Row("transport errors / other statuses", Report::errors, "n"),
            new Row("cancellations that took effect", f -> f.measured().cancelled(), "n"),
            new Row(
                    "seats confirmed (SQL)",
                    f -> f.checks() == null ? null : f.checks().confirmedSeats(),
                    "n"),
            new Row("ingest: answers/s", f -> f.measured().ingestPerS(), "r", "ingest_per_s"),
            new Row("decisions/s (door 409s included)", f -> f.measured().decisionsPerS(), "r", "decisions_per_s"),
            new Row(
                    "accepted path: decisions/s",
                    f -> f.measured().acceptedPath().decisionsPerS(),
                    "r",
                    "accepted_path_decisions_per_s"),
            new Row("confirmed bookings/s", f -> f.measured().confirmedPerS(), "r", "confirmed_per_s"),
            new Row("time to sell out (every trip full once)", f -> f.measured().selloutS(), "s", "sellout_s"),
            new Row("accept p50", f -> f.measured().acceptP50Ms(), "ms"),
            new Row("accept p99", f -> f.measured().acceptP99Ms(), "ms", "accept_p99_ms"),
            new Row("submit-to-decision p50", f -> f.measured().decideP50Ms(), "ms", "decide_p50_ms"),
            new Row("submit-to-decision p99", f -> f.measured().decideP99Ms(), "ms", "decide_p99_ms"),
            new Row(
                    "FMS accepted path: submit-to-decision p99",
                    f -> f.measured().accepted() == null
                            ? null
                            : f.measured().accepted().decideAcceptedP99Ms(),
                    "ms",
                    "decide_accepted_p99_ms"),
            new Row("submit-to-decision max", f -> f.measured().decideMaxMs(), "ms"),
            new Row(
                    "FMS: submit to decision event read, p99",
                    f -> f.measured().accepted() == null
                            ? null
                            : f.measured().accepted().decisionSeenP99Ms(),
                    "ms"),
            new Row("backlog when intake ended", f -> f.measured().backlogAtIntakeEnd(), "n"),
            new Row("drain time of that backlog", f -> f.measured().drainS(), "s"),
            new Row(
                    "drain probe: decisions/s (commands straight to Kafka)",
                    f -> f.drainProbe() == null ? null : f.drainProbe().decisionsPerS(),
                    "r"),
            new Row("CPU s of the system's processes", f -> f.cpu().cpuS(), "s", "cpu_s"),
            new Row("CPU per accepted request", SystemFigures::cpuUsPerAccepted, "us", "cpu_us_per_accepted"),
            new Row("CPU per decision", SystemFigures::cpuUsPerDecision, "us", "cpu_us_per_decision"),
            new Row("load generator CPU share (of all cores)", f -> f.cpu().generatorCpuShare(), "%"),
            new Row(
                    "double-booked seats (all runs)",
                    f -> f.checksToHold() == null ? null : f.checksToHold().doubleBookedSeats(),
                    "n"),
            new Row(
                    "trips over capacity (all runs)",
                    f -> f.checksToHold() == null ? null : f.checksToHold().tripsOverCapacity(),
                    "n"),
            new Row(
                    "answered but never decided (lost, all runs)",
                    f -> f.checksToHold() == null ? null : f.checksToHold().lost(),
                    "n"));

    /** The "with holds" variant's rows, shown when some system played it. */
    private static final List<Row> HOLD_ROWS = List.of(
            new Row(
                    "holds: held (paid / payments sent)",
                    f -> f.measured().holds() == null
                            ? null
                            : cell(f.measured().holds().held(), "n") + " ("
                                    + cell(f.measured().holds().paid(), "n") + " / "
                                    + cell(f.measured().holds().paymentsSent(), "n") + ")",
                    "n"),
            new Row(
                    "holds at the end: expired / still held (SQL)",
                    f -> f.checks() == null || f.checks().holdsLeft() == null
                            ? null
                            : cell(f.checks().holdsLeft().expired(), "n") + " / "
                                    + cell(f.checks().holdsLeft().stillHeld(), "n"),
                    "n"));

    private Report() {}

    private static List<Row> concat(List<Row> first, List<Row> second) {
        List<Row> rows = new ArrayList<>(first);
        rows.addAll(second);
        return rows;
    }

    static String json(BenchResult result) {
        return JSON.writeValueAsString(result);
    }

    static String markdown(BenchResult result, String commandLine) {
        Map<String, SystemFigures> systems = result.systems();
        CeilingResults ceilings = result.ceilings();
        BenchResult.RunConfig config = result.config();
        StringBuilder md = new StringBuilder();
        md.append("## ")
                .append(result.scenario())
                .append(": ")
                .append(config.requests())
                .append(" requests, ")
                .append(config.trips())
                .append(" trips of ")
                .append(config.seatsPerTrip())
                .append(" seats, ")
                .append(config.connections())
                .append(" connections, ")
                .append(config.ratePerS() > 0 ? "open loop at " + config.ratePerS() + "/s" : "closed loop")
                .append("\n\n`")
                .append(commandLine)
                .append("` (seed ")
                .append(config.seed())
                .append(", ")
                .append(config.cores())
                .append(" cores)\n\n");
        method(md, result);
        List<String> names = new ArrayList<>(systems.keySet());
        if (!names.isEmpty()) {
            md.append("| |");
            names.forEach(n -> md.append(' ').append(n).append(" |"));
            md.append("\n|---|");
            names.forEach(n -> md.append("---:|"));
            md.append('\n');
            boolean holds = systems.values().stream().anyMatch(f -> f.measured().holds() != null);
            for (Row row : holds ? concat(ROWS, HOLD_ROWS) : ROWS) {
                md.append("| ").append(row.label()).append(" |");
                for (String name : names) {
                    md.append(' ').append(cell(systems.get(name), row)).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
        if (!ceilings.none()) {
            md.append("| ceiling | rate |\n|---|---:|\n");
            if (ceilings.http() != null) {
                md.append("| HTTP: trivial POST on the same stack (noop baseline) | ")
                        .append(cell(ceilings.http().requestsPerS(), "r"))
                        .append(" requests/s |\n");
            }
            if (ceilings.kafka() != null) {
                md.append("| Kafka: produce, acks=all + idempotence, ")
                        .append(ceilings.kafka().recordBytes())
                        .append("-byte records, ")
                        .append(ceilings.kafka().partitions())
                        .append(" partitions | ")
                        .append(cell(ceilings.kafka().recordsPerS(), "r"))
                        .append(" records/s |\n");
            }
            if (ceilings.postgres() != null) {
                md.append("| Postgres: batched insert of booking rows, ")
                        .append(ceilings.postgres().batch())
                        .append(" per transaction, ")
                        .append(ceilings.postgres().connections())
                        .append(" connections | ")
                        .append(cell(ceilings.postgres().rowsPerS(), "r"))
                        .append(" rows/s |\n");
            }
            md.append('\n');
        }
        Map<String, Double> shares = result.sharesOfCeilings();
        if (!shares.isEmpty()) {
            md.append("FMS as a share of its ceilings:");
            shares.forEach((k, v) ->
                    md.append(' ').append(k).append(' ').append(cell(v, "%")).append(';'));
            md.setLength(md.length() - 1);
            md.append("\n\n");
        }
        SystemFigures fms = systems.get("fms");
        if (fms != null && fms.halfRatePhase() != null) {
            halfRatePhase(md, fms.halfRatePhase());
        }
        if (!result.targets().isEmpty()) {
            md.append("| target | measured | met |\n|---|---|---|\n");
            for (Target target : result.targets()) {
                md.append("| ")
                        .append(target.target())
                        .append(" | ")
                        .append(target.measured())
                        .append(" | ")
                        .append(
                                target.met() == null
                                        ? "not judged"
                                        : Boolean.TRUE.equals(target.met()) ? "yes" : "**no**")
                        .append(" |\n");
            }
            md.append('\n');
        }
        if (!result.skipped().isEmpty()) {
            result.skipped()
                    .forEach((k, v) -> md.append("Skipped ")
                            .append(k)
                            .append(": ")
                            .append(v)
                            .append("\n"));
            md.append('\n');
        }
        for (String name : names) {
            Integer undecided = systems.get(name).undecidedEvents();
            if (undecided != null && undecided > 0) {
                md.append("**")
                        .append(name)
                        .append(": ")
                        .append(undecided)
                        .append(" accepted requests had no decision when the wait ended** (`--decision-timeout-s`,"
                                + " or 60 s without a new one): the checks count them as lost.\n\n");
            }
        }
        md.append(
                result.checksHold()
                        ? "Checks hold: no seat sold twice, no trip over capacity, every answered request decided.\n"
                        : "**A CHECK FAILED**: see double-booked seats, trips over capacity and lost above.\n");
        return md.toString();
    }

    private static void halfRatePhase(StringBuilder md, HalfRatePhase half) {
        md.append("FMS half-rate phase: ");
        if (half.skipped() != null) {
            md.append("skipped (").append(half.skipped()).append(")\n\n");
            return;
        }
        SystemFigures figures = half.figures();
        Measurement measured = figures.measured();
        md.append(cell(measured.requestsSent(), "n"))
                .append(" requests open loop at ")
                .append(cell(half.ratePerS(), "r"))
                .append("/s on ")
                .append(cell(half.trips(), "n"))
                .append(" fresh trips: ")
                .append(cell(measured.accepted202(), "n"))
                .append(" accepted; submit-to-decision of the accepted p50 ")
                .append(cell(
                        measured.accepted() == null ? null : measured.accepted().decideAcceptedP50Ms(), "ms"))
                .append(", p99 ")
                .append(cell(
                        measured.accepted() == null ? null : measured.accepted().decideAcceptedP99Ms(), "ms"))
                .append(" (all requests, door 409s included: p99 ")
                .append(cell(measured.decideP99Ms(), "ms"))
                .append("); accept p99 ")
                .append(cell(measured.acceptP99Ms(), "ms"))
                .append("; double-booked ")
                .append(cell(figures.checks() == null ? null : figures.checks().doubleBookedSeats(), "n"))
                .append(", lost ")
                .append(cell(figures.checks() == null ? null : figures.checks().lost(), "n"))
                .append("\n\n");
    }

    /** FMS's 202s where it has them (intake), else every answer (the baselines decide as they answer). */
    private static Object answered(SystemFigures figures) {
        int accepted = figures.measured().accepted202();
        return accepted > 0 ? accepted : figures.measured().answered();
    }

    /** Transport errors, then answers other than a 200, 202 or 409. */
    private static String errors(SystemFigures figures) {
        long other = 0;
        for (Map.Entry<String, Integer> e : figures.measured().statusCounts().entrySet()) {
            if (!e.getKey().equals("200")
                    && !e.getKey().equals("202")
                    && !e.getKey().equals("409")) {
                other += e.getValue();
            }
        }
        return figures.measured().transportErrors() + " / " + other;
    }

    /** The row's figure; for a repeated run's main figures the median of the runs and their min-max. */
    private static String cell(SystemFigures figures, Row row) {
        BenchResult.Spread spread = row.spread() == null || figures.spread() == null
                ? null
                : figures.spread().get(row.spread());
        if (spread == null || figures.repeat() == null || figures.repeat() < 2) {
            return cell(row.figure().apply(figures), row.format());
        }
        String median = cell(spread.median(), row.format());
        if (median.equals("-")) {
            return median;
        }
        return median + " ("
                + cell(spread.min(), row.format())
                        .replace(" ms", "")
                        .replace(" s", "")
                        .replace(" µs", "") + "-" + cell(spread.max(), row.format()) + ")";
    }

    /** What the reader needs to judge the figures: warm-up, rounds, resets, durability, where decision times come from. */
    private static void method(StringBuilder md, BenchResult result) {
        BenchResult.Method method = result.method();
        BenchResult.RunConfig config = result.config();
        if (method == null) {
            return;
        }
        md.append("Method: ")
                .append(config.repeat())
                .append(config.repeat() == 1 ? " run" : " runs")
                .append(" per system, interleaved (rounds: ");
        for (int r = 0; r < method.orderByRound().size(); r++) {
            md.append(r == 0 ? "" : "; ")
                    .append(String.join(", ", method.orderByRound().get(r)));
        }
        md.append("); figures are ")
                .append(config.repeat() == 1 ? "of the one run" : "the median of the runs, in brackets their min-max")
                .append(". Layout ")
                .append(config.layout())
                .append(", ")
                .append(cell(config.explicitShare(), "%"))
                .append(" naming seats, ")
                .append(cell(config.cancelShare(), "%"))
                .append(" of confirmed bookings cancelled, ")
                .append(cell(config.holdShare(), "%"))
                .append(" asking for a hold")
                .append(
                        config.payments() == null
                                ? ""
                                : " of " + config.payments().holdSeconds() + " s, paid "
                                        + config.payments().payAfterMs() + " ms after the hold was known by all but "
                                        + cell(config.payments().abandonShare(), "%") + " of their clients")
                .append(". Database latency ")
                .append(config.dbLatencyMs())
                .append(" ms each way. Postgres before each measured run: ")
                .append(method.resetBetweenSystems())
                .append(". Durability: ");
        method.durability().forEach((k, v) -> md.append(k).append(' ').append(v).append(", "));
        md.setLength(md.length() - 2);
        md.append(".\n\nWarm-up (").append(method.warmupRule()).append("), answers/s per round:");
        method.warmupRatesBySystem().forEach((system, rates) -> {
            md.append(' ').append(system).append(' ');
            if (rates.isEmpty()) {
                md.append("none;");
                return;
            }
            for (int i = 0; i < rates.size(); i++) {
                md.append(i == 0 ? "" : ", ").append(cell(rates.get(i), "r"));
            }
            md.append(';');
        });
        md.setLength(md.length() - 1);
        md.append(".\n\n");
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
            case "us" -> String.format(Locale.ROOT, "%,.0f µs", d);
            case "%" -> String.format(Locale.ROOT, "%.1f %%", d * 100);
            default -> String.format(Locale.ROOT, "%,d", number.longValue());
        };
    }

    /** NaN and infinities are not JSON: written as null, "not measured". */
    private static final class NotMeasuredAsNull extends ValueSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
            if (value.isNaN() || value.isInfinite()) {
                generator.writeNull();
            } else {
                generator.writeNumber(value);
            }
        }
    }
}
