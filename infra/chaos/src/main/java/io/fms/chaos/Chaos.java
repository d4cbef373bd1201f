package io.fms.chaos;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * {@code infra/fms chaos}: for each fault ({@link Faults}), a steady booking load, the fault injected and recovered
 * from, the backlog drained, then the invariants checked by SQL and through the API: every accepted request decided
 * exactly once, no Idempotency-Key answered with two bookings, no seat held twice, no trip over capacity, and the API
 * answering each booking with its decision. Prints a table, writes it to .fms/chaos/ (or --out; docs/reliability.md too with --update-docs), exits 1 if any check
 * failed.
 */
public final class Chaos {

    // Demand per fault is about rate x duration x 2 seats; trips get about 80 % of it, so some requests lose.
    private static final int TRIPS_PER_FAULT = 3;
    private static final String COLUMNS = "ABCDEF";
    private static final int ROWS_MAX = 150;
    private static final int STATUS_SAMPLE_MAX = 100;

    private Chaos() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("throughput")) {
            System.exit(throughput(java.util.Arrays.copyOfRange(args, 1, args.length)) ? 0 : 2);
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (Settings.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println("infra/fms chaos: " + e.getMessage());
            }
            System.err.println(Settings.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        System.exit(run(settings) ? 0 : 1);
    }

    private static final String THROUGHPUT_USAGE =
            "usage: infra/fms chaos throughput [--backlog N (default 10000)] [--instances 1,2,3] [--drain-timeout S]";

    /** infra/fms chaos throughput: decisions/s and rebalance times per processor instance count (docs/scaling.md). */
    static boolean throughput(String[] args) throws Exception {
        int backlog = 10_000;
        List<Integer> counts = List.of(1, 2, 3);
        List<String> rest = new ArrayList<>();
        try {
            for (int index = 0; index < args.length; index++) {
                switch (args[index]) {
                    case "--backlog" -> backlog = Integer.parseInt(args[++index]);
                    case "--instances" ->
                        counts = java.util.Arrays.stream(args[++index].split(","))
                                .map(Integer::valueOf)
                                .toList();
                    default -> rest.add(args[index]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(THROUGHPUT_USAGE);
            return false;
        }
        if (backlog < 100
                || backlog > Throughput.BACKLOG_MAX
                || counts.isEmpty()
                || counts.stream().anyMatch(count -> count < 1 || count > 9)) {
            System.err.println(THROUGHPUT_USAGE);
            return false;
        }
        Settings settings = Settings.parse(rest.toArray(String[]::new));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Stack stack = new Stack(settings.root(), http);
        if (!stack.healthy(settings.apiBase())) {
            System.err.println("infra/fms chaos: booking-api is not UP at " + settings.apiBase());
            return false;
        }
        try (KafkaTools kafka = new KafkaTools(settings.kafkaBootstrap())) {
            Throughput throughput = new Throughput(
                    settings,
                    stack,
                    new Api(http, settings.apiBase(), settings.adminKey()),
                    new Ledger(settings),
                    kafka);
            System.out.println(
                    "| instances | backlog | produced in s | drain s | decisions/s | partitions shared by all"
                            + " | join settled s |\n|---:|---:|---:|---:|---:|---|---:|");
            throughput.run(backlog, counts);
        }
        return true;
    }

    static boolean run(Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        Stack stack = new Stack(settings.root(), http);
        if (!stack.healthy(settings.apiBase())) {
            System.err.println("infra/fms chaos: booking-api is not UP at " + settings.apiBase()
                    + "; start the stack with infra/fms up first");
            return false;
        }
        Api api = new Api(http, settings.apiBase(), settings.adminKey());
        Ledger ledger = new Ledger(settings);
        List<Row> rows = new ArrayList<>();
        Instant started = Instant.now();
        try (Receiver receiver = new Receiver();
                KafkaTools kafka = new KafkaTools(settings.kafkaBootstrap())) {
            Load load = new Load(http, settings.apiBase(), receiver.url(), settings.ratePerSecond());
            FaultContext context = new FaultContext(settings, stack, api, ledger, kafka, load, receiver, new Random());
            String flightId = api.createFlight();
            for (Fault fault : settings.faults()) {
                System.out.println("== " + fault.name() + " (" + settings.durationS() + " s at "
                        + settings.ratePerSecond() + "/s)");
                Phase phase = new Phase(fault, trips(api, flightId, settings));
                load.reset();
                receiver.delayMs(0);
                try {
                    context.run(phase);
                } catch (RuntimeException e) {
                    phase.check(false, "the fault's script failed: " + e.getMessage());
                    load.stop();
                    stack.up();
                }
                rows.add(judge(phase, context));
                System.out.println(Row.HEADER.lines().findFirst().orElseThrow());
                System.out.println(rows.getLast().markdown());
            }
        }
        report(settings, rows, started);
        return rows.stream().allMatch(row -> row.failures().isEmpty());
    }

    private static List<Load.Trip> trips(Api api, String flightId, Settings settings) {
        int seatsWanted = settings.ratePerSecond() * settings.durationS() * 2 * 8 / 10;
        int rows = Math.max(5, Math.min(ROWS_MAX, seatsWanted / (TRIPS_PER_FAULT * COLUMNS.length())));
        List<Load.Trip> trips = new ArrayList<>();
        for (int index = 0; index < TRIPS_PER_FAULT; index++) {
            trips.add(api.createTrip(flightId, rows, COLUMNS));
        }
        return trips;
    }

    /** The checks every fault shares: each 202 decided once, no seat held twice, no trip over capacity. */
    private static Row judge(Phase phase, FaultContext context) {
        Load load = context.load();
        Ledger ledger = context.ledger();
        List<Load.Accepted> accepted = load.accepted();
        Set<String> ids = new HashSet<>();
        accepted.forEach(request -> ids.add(request.bookingId()));
        Map<String, String> decided =
                context.drain(ids, Duration.ofSeconds(context.settings().drainTimeoutS()));
        int lost = ids.size() - decided.size();
        phase.check(lost == 0, lost + " accepted request(s) never decided");

        Map<String, Set<String>> idsPerKey = new HashMap<>();
        accepted.forEach(request ->
                idsPerKey.computeIfAbsent(request.key(), key -> new HashSet<>()).add(request.bookingId()));
        long keysTwice =
                idsPerKey.values().stream().filter(set -> set.size() > 1).count();
        phase.check(keysTwice == 0, keysTwice + " Idempotency-Key(s) answered with two booking IDs");
        List<String> decidedTwice = context.awaitEvents(ids);
        phase.check(decidedTwice.isEmpty(), decidedTwice.size() + " booking(s) with two decision events");

        List<String> seatsTwice = ledger.seatsHeldTwice(phase.tripIds());
        List<String> overCapacity = ledger.tripsOverCapacity(phase.tripIds());
        phase.check(seatsTwice.isEmpty(), "seats held twice: " + seatsTwice);
        phase.check(overCapacity.isEmpty(), "trips over capacity: " + overCapacity);

        // Through the API as a client sees it: a 202'd booking is never 404 and, once decided, not PENDING.
        List<String> sample = ids.stream().limit(STATUS_SAMPLE_MAX).toList();
        List<String> wrong = context.awaitApiStatuses(sample, decided);
        phase.check(
                wrong.isEmpty(),
                wrong.size() + " of " + sample.size() + " status reads disagree: "
                        + wrong.stream().limit(3).toList());

        List<Load.Answer> answers = load.answers();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        answers.forEach(answer -> byStatus.merge(answer.status(), 1, Integer::sum));
        phase.note("answers " + byStatus + (load.shed() > 0 ? ", shed by the driver " + load.shed() : ""));
        load.unexpected().forEach(body -> phase.note("unexpected answer: " + body));
        return new Row(
                phase.fault.name(),
                answers.size(),
                ids.size(),
                decided.size(),
                lost,
                seatsTwice.size() + overCapacity.size(),
                (int) keysTwice + decidedTwice.size(),
                phase.recovery,
                phase.notes,
                phase.failures);
    }

    private static void report(Settings settings, List<Row> rows, Instant started) throws IOException {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
                .withZone(ZoneOffset.UTC)
                .format(started);
        StringBuilder table = new StringBuilder();
        table.append("\n### ")
                .append(when)
                .append(": ")
                .append(settings.ratePerSecond())
                .append(" requests/s, ")
                .append(settings.durationS())
                .append(" s per fault\n\n")
                .append(Row.HEADER)
                .append('\n');
        rows.forEach(row -> table.append(row.markdown()).append('\n'));
        System.out.println(table);
        // A run is a measurement of this machine at this moment: it is kept beside the stack's state, and enters
        // the checkout's docs only when asked.
        Files.createDirectories(settings.reportDir());
        Path report = settings.reportDir()
                .resolve("chaos-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
                                .withZone(ZoneOffset.UTC)
                                .format(started)
                        + ".md");
        Files.writeString(report, table.toString().stripLeading());
        System.out.println("Report written to " + report);
        Path doc = settings.root().resolve("docs/reliability.md");
        if (settings.updateDocs()) {
            if (!Files.exists(doc)) {
                throw new IOException("--update-docs: there is no " + doc);
            }
            Files.writeString(doc, table, StandardOpenOption.APPEND);
            System.out.println("Appended to " + settings.root().relativize(doc));
        }
    }
}
