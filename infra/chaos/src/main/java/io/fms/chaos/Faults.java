package io.fms.chaos;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What each fault does to the running stack while the load runs, and the checks only that fault has. */
final class Faults {

    private static final String PROCESSOR_GROUP = "fms-booking-processor";
    private static final String WORKER_GROUP = "fms-notification-worker";
    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(30);
    private static final Duration KAFKA_DOWN = Duration.ofSeconds(20);
    // Past Kafka's default session timeout (45 s): the stalled instance is sure to have lost its partitions.
    private static final Duration STALL = Duration.ofSeconds(55);
    private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(150);
    private static final int KILLS = 3;
    private static final int RETRIED_SAMPLE = 50;
    private static final int SLOW_RECEIVER_MS = 2_000;
    private static final Duration POLL = Duration.ofMillis(500);

    private final Settings settings;
    private final Stack stack;
    private final Api api;
    private final Ledger ledger;
    private final KafkaTools kafka;
    private final Load load;
    private final Receiver receiver;
    private final Random random = new Random();

    Faults(Settings settings, Stack stack, Api api, Ledger ledger, KafkaTools kafka, Load load, Receiver receiver) {
        this.settings = settings;
        this.stack = stack;
        this.api = api;
        this.ledger = ledger;
        this.kafka = kafka;
        this.load = load;
        this.receiver = receiver;
    }

    /** Load on, the fault, load on until the duration is over, load off; checks that need the drained state after. */
    void run(Phase phase) {
        Instant loadStarted = Instant.now();
        long deadLettersBefore = kafka.records(Topics.BOOKING_COMMANDS_DLT);
        load.start(phase.trips);
        pause(Duration.ofSeconds(settings.durationS() / 5));
        Runnable after = switch (phase.fault) {
            case PROCESSOR_KILL -> processorKill(phase);
            case POSTGRES_STOP -> postgresStop(phase);
            case KAFKA_KILL -> kafkaKill(phase);
            case REDIS_FLUSH -> redisFlush(phase);
            case SCALE -> scale(phase);
            case REDELIVERY -> redelivery(phase);
            case WORKER_KILL -> workerKill(phase);
        };
        pause(Duration.between(Instant.now(), loadStarted.plusSeconds(settings.durationS())));
        load.stop();
        receiver.delayMs(0);
        drain(idsOf(load.accepted()), Duration.ofSeconds(settings.drainTimeoutS()));
        after.run();
        long deadLettered = kafka.records(Topics.BOOKING_COMMANDS_DLT) - deadLettersBefore;
        if (phase.fault != Fault.REDELIVERY) {
            phase.check(deadLettered == 0, deadLettered + " command(s) dead-lettered, none expected");
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // 1: the processor killed at random moments, then a clean restart

    private Runnable processorKill(Phase phase) {
        for (int kill = 1; kill <= KILLS; kill++) {
            pause(Duration.ofMillis(1_000 + random.nextInt(4_000)));
            stack.kill("booking-processor", "KILL");
            Instant killed = Instant.now();
            stack.up();
            phase.recovered(catchUp(killed));
        }
        stack.stop("booking-processor");
        Instant stopped = Instant.now();
        stack.up();
        phase.recovered(catchUp(stopped));
        phase.note(KILLS + " x kill -9 and 1 clean restart; recovery = from the kill until every earlier 202 is"
                + " decided (includes the JVM start)");
        return () -> {};
    }

    // -----------------------------------------------------------------------------------------------------------
    // 2: Postgres stopped 30 s

    private Runnable postgresStop(Phase phase) {
        List<Load.Accepted> before = load.accepted();
        stack.stop("postgres");
        Instant down = Instant.now();
        Map<Integer, Integer> reads = new HashMap<>();
        while (Duration.between(down, Instant.now()).compareTo(POSTGRES_DOWN) < 0) {
            if (!before.isEmpty()) {
                String bookingId = before.get(random.nextInt(before.size())).bookingId();
                reads.merge(api.bookingReadStatus(bookingId), 1, Integer::sum);
            }
            pause(Duration.ofSeconds(2));
        }
        Instant up = Instant.now();
        stack.up();
        phase.recovered(catchUp(up));
        long acceptedWhileDown = load.answers().stream()
                .filter(answer -> answer.status() == 202
                        && answer.sentAt().isAfter(down)
                        && answer.sentAt().isBefore(up))
                .count();
        phase.note("202s while Postgres was down: " + acceptedWhileDown + "; status reads meanwhile: " + reads);
        phase.check(acceptedWhileDown > 0, "the API accepted nothing while Postgres was down");
        phase.check(
                reads.keySet().stream().allMatch(status -> status == 200 || status == 503),
                "status reads while Postgres was down answered " + reads + " (200 or 503 expected)");
        return () -> {};
    }

    // -----------------------------------------------------------------------------------------------------------
    // 3: the broker killed

    private Runnable kafkaKill(Phase phase) {
        stack.kill("kafka", "KILL");
        Instant down = Instant.now();
        pause(KAFKA_DOWN);
        Instant up = Instant.now();
        stack.up();
        phase.recovered(catchUp(up));
        // Sent and answered while no broker ran: nothing can have acknowledged these.
        List<Load.Answer> whileDown = load.answers().stream()
                .filter(answer -> answer.sentAt().isAfter(down.plusSeconds(1))
                        && answer.answeredAt().isBefore(up))
                .toList();
        Map<Integer, Integer> statuses = new HashMap<>();
        whileDown.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        long without = whileDown.stream()
                .filter(answer -> answer.status() == 503 && answer.retryAfter() == null)
                .count();
        phase.note("answers while the broker was down: " + statuses);
        // 503s go on until the API's producer has reconnected: how long the door stayed shut after the broker came
        // back.
        load.answers().stream()
                .filter(answer -> answer.status() == 503 && answer.sentAt().isAfter(up))
                .map(Load.Answer::sentAt)
                .max(Instant::compareTo)
                .ifPresent(last -> phase.note(String.format(
                        "last 503 sent %.1f s after the broker was started",
                        Duration.between(up, last).toMillis() / 1000.0)));
        phase.check(!statuses.containsKey(202), statuses.getOrDefault(202, 0) + " 202(s) while the broker was down");
        phase.check(
                statuses.keySet().stream().allMatch(status -> status == 503),
                "answers other than 503 while the broker was down: " + statuses);
        phase.check(without == 0, without + " 503(s) without Retry-After");
        return () -> {};
    }

    // -----------------------------------------------------------------------------------------------------------
    // 4: Redis restarted empty

    private Runnable redisFlush(Phase phase) {
        List<Load.Accepted> earlier =
                load.accepted().stream().limit(RETRIED_SAMPLE).toList();
        stack.stop("redis");
        deleteContents(stack.dataDir("redis"));
        Instant restarted = Instant.now();
        stack.up();
        phase.recovered(catchUp(restarted));
        // Status reads of earlier bookings now that Redis holds none of them: Postgres must answer.
        Map<String, String> statuses = new HashMap<>();
        earlier.forEach(request -> statuses.put(request.bookingId(), api.bookingStatus(request.bookingId())));
        long unreadable = statuses.values().stream()
                .filter(status -> status.startsWith("HTTP") || status.equals("PENDING"))
                .count();
        phase.check(unreadable == 0, unreadable + " earlier booking(s) unreadable or PENDING after the flush");
        // The same key and body again: the same booking, never a second one.
        Map<Integer, Integer> retries = new HashMap<>();
        int differentId = 0;
        for (Load.Accepted request : earlier) {
            Load.Answer answer = load.submit(request.key(), request.body());
            retries.merge(answer.status(), 1, Integer::sum);
            if (answer.bookingId() != null && !answer.bookingId().equals(request.bookingId())) {
                differentId++;
            }
        }
        phase.note(earlier.size() + " earlier requests retried after the flush: " + retries);
        phase.check(differentId == 0, differentId + " retried key(s) got a new booking ID");
        return () -> {
            Set<String> ids = idsOf(load.accepted());
            int rows = ledger.bookingRows(phase.tripIds());
            phase.check(rows == ids.size(), rows + " booking rows for " + ids.size() + " distinct accepted bookings");
            // Availability snapshots rebuild: the API's availableSeats agrees with the seats Postgres holds.
            Map<String, Integer> live = ledger.liveSeats(phase.tripIds());
            for (Load.Trip trip : phase.trips) {
                int expected = trip.capacity() - live.getOrDefault(trip.id(), 0);
                boolean agrees = poll(Duration.ofSeconds(90), () -> api.availableSeats(trip.id()) == expected);
                phase.check(
                        agrees,
                        "availableSeats of " + trip.id() + " is " + api.availableSeats(trip.id()) + ", Postgres says "
                                + expected);
            }
        };
    }

    // -----------------------------------------------------------------------------------------------------------
    // 5: processor instances 1 -> 2 -> 1 -> 2 (one stalled past its session) -> 1

    private Runnable scale(Phase phase) {
        int partitions = kafka.partitionCount(Topics.BOOKING_COMMANDS);
        int perInstance = Math.min(partitions, intEnv("FMS_PROCESSOR_CONCURRENCY", 2));
        long fencedBefore = stack.logLines("booking-processor-2", "another processor decided it");

        stack.scaleProcessors(2);
        phase.note("join " + seconds(rebalance(2 * perInstance, partitions)));

        stack.kill("booking-processor-2", "KILL");
        Instant killed = Instant.now();
        phase.note("kill -9 of one of two " + seconds(rebalance(perInstance, partitions)));
        phase.recovered(catchUp(killed));

        stack.up();
        phase.note("rejoin " + seconds(rebalance(2 * perInstance, partitions)));

        stack.kill("booking-processor-2", "STOP");
        Instant stalled = Instant.now();
        Duration evicted = rebalance(perInstance, partitions);
        pause(Duration.between(Instant.now(), stalled.plus(STALL)));
        stack.kill("booking-processor-2", "CONT");
        phase.note("stalled instance evicted " + seconds(evicted) + ", resumed after "
                + Duration.between(stalled, Instant.now()).toSeconds() + " s, back "
                + seconds(rebalance(2 * perInstance, partitions)));
        phase.recovered(catchUp(stalled));

        stack.scaleProcessors(1);
        phase.note("leave " + seconds(rebalance(perInstance, partitions)));
        return () -> phase.note("batches fenced off in booking-processor-2: "
                + (stack.logLines("booking-processor-2", "another processor decided it") - fencedBefore));
    }

    /** Time until the processors' group is stable with {@code members} sharing every partition, or the bound. */
    private Duration rebalance(int members, int partitions) {
        Instant start = Instant.now();
        boolean stable = poll(REBALANCE_TIMEOUT, () -> {
            KafkaTools.Assignment assignment = kafka.assignment(PROCESSOR_GROUP);
            return assignment.members() == members && assignment.partitions() == partitions;
        });
        Duration took = Duration.between(start, Instant.now());
        return stable ? took : took.negated();
    }

    private static String seconds(Duration rebalance) {
        return rebalance.isNegative()
                ? "rebalance not settled within " + (-rebalance.toSeconds()) + " s"
                : String.format("rebalanced in %.1f s", rebalance.toMillis() / 1000.0);
    }

    // -----------------------------------------------------------------------------------------------------------
    // 6: consumer groups reset to the earliest offset; poison records straight into the topic

    private Runnable redelivery(Phase phase) {
        stack.scaleProcessors(1);
        stack.stop("booking-processor");
        stack.stop("notification-worker");
        // What was decided and notified before the reset, to compare after.
        Set<String> before = idsOf(load.accepted());
        Map<String, String> decidedBefore = ledger.decisions(before);
        Map<String, String> eventsBefore = ledger.eventIds(decidedBefore.keySet());
        Map<String, Integer> hitsBefore = receiver.snapshot();

        kafka.resetToEarliest(PROCESSOR_GROUP, Topics.BOOKING_COMMANDS);
        kafka.resetToEarliest(WORKER_GROUP, Topics.BOOKING_EVENTS);
        long deadLettersBefore = kafka.records(Topics.BOOKING_COMMANDS_DLT);
        String tripId = phase.trips.getFirst().id();
        UUID invalidSeat = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> poison = poison(tripId, invalidSeat);
        kafka.send(poison);
        Instant restarted = Instant.now();
        stack.up();
        phase.recovered(catchUp(restarted));
        phase.note("groups reset to earliest; " + (poison.size() - 1) + " poison records and 1 impossible seat sent");

        return () -> {
            Map<String, String> decidedAfter = ledger.decisions(decidedBefore.keySet());
            phase.check(decidedAfter.equals(decidedBefore), "decisions changed after the reset");
            Map<String, String> eventsAfter = ledger.eventIds(decidedBefore.keySet());
            phase.check(
                    eventsAfter.keySet().containsAll(eventsBefore.keySet())
                            && eventsAfter.size() == eventsBefore.size(),
                    "events of earlier bookings changed: " + eventsBefore.size() + " -> " + eventsAfter.size());
            long resent = eventsBefore.keySet().stream()
                    .filter(event ->
                            hitsBefore.getOrDefault(event, 0) > 0 && receiver.hits(event) != hitsBefore.get(event))
                    .count();
            phase.check(resent == 0, resent + " webhook(s) delivered before the reset were sent again");
            long deadLettered = kafka.records(Topics.BOOKING_COMMANDS_DLT) - deadLettersBefore;
            phase.check(
                    deadLettered == poison.size() - 1,
                    deadLettered + " record(s) dead-lettered, " + (poison.size() - 1) + " expected");
            boolean rejected = poll(
                    Duration.ofSeconds(60),
                    () -> "INVALID_SEAT"
                            .equals(ledger.reasons(List.of(invalidSeat.toString()))
                                    .get(invalidSeat.toString())));
            phase.check(rejected, "the impossible seat was not rejected INVALID_SEAT");
        };
    }

    /** Garbage, a wrong schema version, ten passengers, a key that is not the trip; last a valid impossible seat. */
    private static List<ProducerRecord<String, byte[]>> poison(String tripId, UUID invalidSeat) {
        UUID trip = UUID.fromString(tripId);
        List<Passenger> one = List.of(new Passenger("Poison Test"));
        BookingRequested valid =
                new BookingRequested(UUID.randomUUID(), trip, one, List.of(), null, null, Instant.now());
        String versioned = new String(BookingJson.write(valid), StandardCharsets.UTF_8)
                .replaceFirst("\"schemaVersion\"\\s*:\\s*\\d+", "\"schemaVersion\":99");
        List<Passenger> ten = IntStream.range(0, 10)
                .mapToObj(index -> new Passenger("Passenger " + index))
                .toList();
        BookingRequested tooMany =
                new BookingRequested(UUID.randomUUID(), trip, ten, List.of(), null, null, Instant.now());
        BookingRequested wrongKey =
                new BookingRequested(UUID.randomUUID(), trip, one, List.of(), null, null, Instant.now());
        BookingRequested impossible =
                new BookingRequested(invalidSeat, trip, one, List.of("999Z"), null, null, Instant.now());
        return List.of(
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, new byte[] {(byte) 0xff, 0x00, 0x13, 0x37}),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, versioned.getBytes(StandardCharsets.UTF_8)),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(tooMany)),
                new ProducerRecord<>(
                        Topics.BOOKING_COMMANDS, UUID.randomUUID().toString(), BookingJson.write(wrongKey)),
                new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(impossible)));
    }

    // -----------------------------------------------------------------------------------------------------------
    // 7: the notification worker killed mid-delivery

    private Runnable workerKill(Phase phase) {
        receiver.delayMs(SLOW_RECEIVER_MS);
        for (int kill = 1; kill <= KILLS; kill++) {
            pause(Duration.ofMillis(2_000 + random.nextInt(4_000)));
            stack.kill("notification-worker", "KILL");
            Instant killed = Instant.now();
            stack.up();
            phase.recovered(catchUp(killed));
        }
        phase.note(KILLS + " x kill -9 of the worker, webhook receiver answering after " + SLOW_RECEIVER_MS + " ms");
        return () -> {
            Set<String> ids = idsOf(load.accepted());
            boolean settled = poll(Duration.ofSeconds(settings.drainTimeoutS()), () -> {
                Ledger.Deliveries deliveries = ledger.deliveries(ids);
                return deliveries.notFinal() == 0 && ledger.eventIds(ids).size() >= ids.size();
            });
            Ledger.Deliveries deliveries = ledger.deliveries(ids);
            phase.check(settled, deliveries.notFinal() + " deliveries still pending");
            phase.check(deliveries.dead() == 0, deliveries.dead() + " deliveries dead");
            phase.check(
                    deliveries.deliveredTwice() == 0,
                    deliveries.deliveredTwice() + " deliveries recorded as delivered more than once");
            Map<String, String> events = ledger.eventIds(ids);
            long missed = events.keySet().stream()
                    .filter(event -> receiver.hits(event) == 0)
                    .count();
            long repeated = events.keySet().stream()
                    .filter(event -> receiver.hits(event) > 1)
                    .count();
            phase.check(missed == 0, missed + " event(s) never reached the webhook receiver");
            phase.note(deliveries.delivered() + " deliveries (email and webhook) delivered; " + repeated
                    + " webhook(s) reached the receiver twice (a kill between sending and recording:"
                    + " at least once, the receiver de-duplicates on FMS-Event-Id)");
        };
    }

    // -----------------------------------------------------------------------------------------------------------
    // Waiting

    /** Waits until every given booking is decided in Postgres, or the bound; answers what is decided. */
    Map<String, String> drain(Set<String> ids, Duration bound) {
        Map<String, String> decided = new HashMap<>();
        poll(bound, () -> {
            try {
                decided.clear();
                decided.putAll(ledger.decisions(ids));
                return decided.size() == ids.size();
            } catch (RuntimeException e) {
                return false;
            }
        });
        return decided;
    }

    /** From {@code since} until every request accepted so far is decided: how long the stack took to catch up. */
    private Duration catchUp(Instant since) {
        Set<String> ids = idsOf(load.accepted());
        drain(ids, Duration.ofSeconds(settings.drainTimeoutS()));
        return Duration.between(since, Instant.now());
    }

    /** Waits (bounded) until the worker logged the decision of every booking; answers those decided twice. */
    List<String> awaitEvents(Set<String> ids, Ledger ledger) {
        poll(Duration.ofSeconds(60), () -> new HashSet<>(ledger.eventIds(ids).values()).size() >= ids.size());
        return ledger.decidedTwice(ids);
    }

    /** Waits (bounded) until the API answers each booking with its decision; answers the disagreements. */
    List<String> awaitApiStatuses(List<String> sample, Map<String, String> decided) {
        List<String> wrong = new ArrayList<>();
        poll(Duration.ofSeconds(30), () -> {
            wrong.clear();
            for (String bookingId : sample) {
                String status = api.bookingStatus(bookingId);
                String expected = decided.get(bookingId);
                if (expected == null || !expected.equals(status)) {
                    wrong.add(bookingId + " " + status + " (Postgres " + expected + ")");
                }
            }
            return wrong.isEmpty();
        });
        return wrong;
    }

    private static boolean poll(Duration bound, java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a dependency still coming back; asked again
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(POLL);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Set<String> idsOf(List<Load.Accepted> accepted) {
        Set<String> ids = new HashSet<>();
        accepted.forEach(request -> ids.add(request.bookingId()));
        return ids;
    }

    private static int intEnv(String name, int fallback) {
        try {
            return Integer.parseInt(System.getenv().getOrDefault(name, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void deleteContents(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.delete(path);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("deleting " + directory + ": " + e, e);
        }
    }
}
