package io.fms.chaos;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code infra/fms chaos throughput}: the same backlog drained by 1, 2, then 3 processor instances. Per count: the
 * instances started and the group settled, a warm-up backlog, then the measured backlog produced straight into the
 * command topic; decisions/s from the ledger's {@code decided_at} (first to last decision); and the time the group
 * takes to settle when an instance joins and when one leaves.
 */
final class Throughput {

    static final int BACKLOG_MAX = 200_000;
    private static final int TRIPS = 24;
    private static final int ROWS = 150;
    private static final String COLUMNS = "ABCDEF";
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration POLL = Duration.ofMillis(250);

    record Run(
            int instances,
            int backlog,
            double produceS,
            double drainS,
            double perSecond,
            boolean shared,
            double joinS) {}

    private final Settings settings;
    private final Stack stack;
    private final Api api;
    private final Ledger ledger;
    private final KafkaTools kafka;

    Throughput(Settings settings, Stack stack, Api api, Ledger ledger, KafkaTools kafka) {
        this.settings = settings;
        this.stack = stack;
        this.api = api;
        this.ledger = ledger;
        this.kafka = kafka;
    }

    List<String> run(int backlog, List<Integer> counts) {
        List<String> lines = new ArrayList<>();
        String flightId = api.createFlight();
        int partitions = kafka.partitionCount(Topics.BOOKING_COMMANDS);
        for (int instances : counts) {
            stack.scaleProcessors(instances);
            // Joining, measured from a healthy JVM (the start itself is JVM and Spring work, not Kafka's).
            Instant healthy = Instant.now();
            double joinS = settle(instances, partitions, healthy);
            Run run = drain(flightId, instances, backlog, partitions, joinS);
            String line = String.format(
                    "| %d | %d | %.1f | %.1f | %.0f | %s | %.1f |",
                    run.instances(),
                    run.backlog(),
                    run.produceS(),
                    run.drainS(),
                    run.perSecond(),
                    run.shared() ? "yes" : "NO",
                    run.joinS());
            System.out.println(line);
            lines.add(line);
        }
        // Leaving, one instance at a time: a clean stop sends LeaveGroup, so the group need not wait for a timeout.
        for (int instances = counts.getLast() - 1; instances >= 1; instances--) {
            Instant asked = Instant.now();
            stack.scaleProcessors(instances);
            double leaveS = settle(instances, partitions, asked);
            String line = String.format(
                    "leave %d -> %d: settled %.1f s after the stop was asked", instances + 1, instances, leaveS);
            System.out.println(line);
            lines.add(line);
        }
        return lines;
    }

    /**
     * With the group settled at {@code instances}: a warm-up backlog (the JIT, the pools), then the measured one, each
     * on trips of its own. Produced in about a second, far faster than it is decided, so the drain is the bound. The
     * instances run while the backlog is produced: started after it, on this machine their JVMs come up tens of
     * seconds apart and the first one drains everything alone before the others join.
     */
    private Run drain(String flightId, int instances, int backlog, int partitions, double joinS) {
        decide(flightId, Math.max(backlog / 5, 100));
        List<String> tripIds = trips(flightId);
        Instant producing = Instant.now();
        kafka.sendAll(commands(tripIds, backlog));
        double produceS = seconds(producing, Instant.now());
        int decided = awaitDecided(tripIds, backlog);
        KafkaTools.Assignment assignment = kafka.assignment(KafkaTools.PROCESSOR_GROUP);
        if (decided < backlog) {
            throw new IllegalStateException(
                    decided + " of " + backlog + " decided within " + settings.drainTimeoutS() + " s");
        }
        Ledger.DrainStats stats = ledger.drainStats(tripIds, producing);
        double drainS = seconds(stats.first(), stats.last());
        return new Run(
                instances,
                backlog,
                produceS,
                drainS,
                (stats.decided() - 1) / Math.max(drainS, 0.001),
                assignment.instances() == instances && assignment.partitions() == partitions,
                joinS);
    }

    private void decide(String flightId, int count) {
        List<String> tripIds = trips(flightId);
        kafka.sendAll(commands(tripIds, count));
        awaitDecided(tripIds, count);
    }

    private List<String> trips(String flightId) {
        List<String> tripIds = new ArrayList<>();
        for (int index = 0; index < TRIPS; index++) {
            tripIds.add(api.createTrip(flightId, ROWS, COLUMNS).id());
        }
        return tripIds;
    }

    /** One passenger each, round robin over the trips: within capacity (24 x 900 seats), so most confirm. */
    private static List<ProducerRecord<String, byte[]>> commands(List<String> tripIds, int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        List<Passenger> one = List.of(new Passenger("Scale Test"));
        for (int index = 0; index < count; index++) {
            String tripId = tripIds.get(index % tripIds.size());
            BookingRequested command = new BookingRequested(
                    UUID.randomUUID(), UUID.fromString(tripId), one, List.of(), null, null, Instant.now());
            records.add(new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(command)));
        }
        return records;
    }

    private int awaitDecided(List<String> tripIds, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(settings.drainTimeoutS()));
        int decided = 0;
        while (Instant.now().isBefore(deadline) && (decided = ledger.bookingRows(tripIds)) < count) {
            Waits.pause(Duration.ofMillis(500));
        }
        return decided;
    }

    /** Seconds from {@code since} until {@code instances} processors share every partition between them. */
    private double settle(int instances, int partitions, Instant since) {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            KafkaTools.Assignment assignment = kafka.assignment(KafkaTools.PROCESSOR_GROUP);
            if (assignment.instances() == instances && assignment.partitions() == partitions) {
                return seconds(since, Instant.now());
            }
            Waits.pause(POLL);
        }
        return Double.NaN;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
