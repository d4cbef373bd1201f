package io.fms.chaos;

import io.fms.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** What a fault acts on and judges by, the phase every fault runs in, and the waits the faults share. */
record FaultContext(
        Settings settings,
        Stack stack,
        Api api,
        Ledger ledger,
        KafkaTools kafka,
        Load load,
        Receiver receiver,
        Random random) {

    /** Load on, the fault, load on until the duration is over, load off; checks that need the drained state after. */
    void run(Phase phase) {
        Instant loadStarted = Instant.now();
        long deadLettersBefore = kafka.records(Topics.BOOKING_COMMANDS_DLT);
        load.start(phase.trips);
        Waits.pause(Duration.ofSeconds(settings.durationS() / 5));
        Fault.DrainedChecks after = phase.fault.inject(this, phase);
        Waits.pause(Duration.between(Instant.now(), loadStarted.plusSeconds(settings.durationS())));
        load.stop();
        receiver.delayMs(0);
        drain(acceptedIds(), Duration.ofSeconds(settings.drainTimeoutS()));
        after.run();
        long deadLettered = kafka.records(Topics.BOOKING_COMMANDS_DLT) - deadLettersBefore;
        if (!phase.fault.deadLettersExpected()) {
            phase.check(deadLettered == 0, deadLettered + " command(s) dead-lettered, none expected");
        }
    }

    /**
     * {@code kill -9} of a component {@code kills} times, each after {@code earliestMs} plus up to 4 s of load,
     * brought back with {@code up} each time; the recovery is until every request accepted before is decided.
     */
    void killAtRandomMoments(Phase phase, String component, int kills, int earliestMs) {
        for (int kill = 1; kill <= kills; kill++) {
            Waits.pause(Duration.ofMillis(earliestMs + random.nextInt(4_000)));
            stack.kill(component, "KILL");
            Instant killed = Instant.now();
            stack.up();
            phase.recovered(catchUp(killed));
        }
    }

    /** The booking IDs of every request accepted so far in this phase. */
    Set<String> acceptedIds() {
        Set<String> ids = new HashSet<>();
        load.accepted().forEach(request -> ids.add(request.bookingId()));
        return ids;
    }

    /** Waits until every given booking is decided in Postgres, or the bound; answers what is decided. */
    Map<String, String> drain(Set<String> ids, Duration bound) {
        Map<String, String> decided = new HashMap<>();
        Waits.poll(bound, () -> {
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
    Duration catchUp(Instant since) {
        drain(acceptedIds(), Duration.ofSeconds(settings.drainTimeoutS()));
        return Duration.between(since, Instant.now());
    }

    /** Waits (bounded) until the worker logged the decision of every booking; answers those decided twice. */
    List<String> awaitEvents(Set<String> ids) {
        Waits.poll(
                Duration.ofSeconds(60), () -> new HashSet<>(ledger.eventIds(ids).values()).size() >= ids.size());
        return ledger.decidedTwice(ids);
    }

    /** Waits (bounded) until the API answers each booking with its decision; answers the disagreements. */
    List<String> awaitApiStatuses(List<String> sample, Map<String, String> decided) {
        List<String> wrong = new ArrayList<>();
        Waits.poll(Duration.ofSeconds(30), () -> {
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
}
