package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import io.fms.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of three brokers killed under load (up --cluster): its partitions get new leaders among the other two, which
 * still make the two in-sync replicas a 202 needs, so intake goes on after the election; restarted, the broker
 * catches up.
 */
final class BrokerKill implements Fault.Injection {

    private static final String BROKER = "kafka-2";
    static final Duration DOWN = Duration.ofSeconds(30);

    /**
     * How long 503s may last after the kill: the controller fences a silent broker after broker.session.timeout.ms
     * (9 s by default) and elects new leaders, and a request caught waiting meanwhile times out after the API's
     * publish timeout (5 s).
     */
    static final Duration ELECTION = Duration.ofSeconds(15);

    private static final Duration CATCH_UP = Duration.ofSeconds(180);
    private static final List<String> TOPICS = List.of(Topics.BOOKING_COMMANDS, Topics.BOOKING_EVENTS);

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Load load = context.load();
        KafkaTools kafka = context.kafka();
        phase.check(kafka.underReplicated(TOPICS) == 0, "partitions under-replicated before the kill");
        stack.kill(BROKER, "KILL");
        Instant killed = Instant.now();
        Waits.pause(DOWN);
        Instant restarted = Instant.now();
        List<Load.Answer> whileDown = load.answers().stream()
                .filter(answer ->
                        answer.sentAt().isAfter(killed) && answer.answeredAt().isBefore(restarted))
                .toList();
        stack.up();
        boolean caughtUp = Waits.poll(CATCH_UP, () -> kafka.underReplicated(TOPICS) == 0);
        phase.note(
                caughtUp
                        ? String.format(
                                "%s back in sync %.1f s after its restart",
                                BROKER,
                                Duration.between(restarted, Instant.now()).toMillis() / 1000.0)
                        : BROKER + " not in sync within " + CATCH_UP.toSeconds() + " s of its restart");
        phase.check(caughtUp, BROKER + " did not catch up after its restart");
        phase.recovered(context.catchUp(restarted));

        Map<Integer, Integer> statuses = new HashMap<>();
        whileDown.forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        phase.note("answers while " + BROKER + " was down: " + statuses);
        List<Load.Answer> late503 = whileDown.stream()
                .filter(answer -> answer.status() == 503 && answer.sentAt().isAfter(killed.plus(ELECTION)))
                .toList();
        whileDown.stream()
                .filter(answer -> answer.status() == 503)
                .map(Load.Answer::sentAt)
                .max(Instant::compareTo)
                .ifPresent(last -> phase.note(String.format(
                        "last 503 sent %.1f s after the kill",
                        Duration.between(killed, last).toMillis() / 1000.0)));
        long afterElection = whileDown.stream()
                .filter(answer -> answer.status() == 202 && answer.sentAt().isAfter(killed.plus(ELECTION)))
                .count();
        phase.check(
                late503.isEmpty(),
                late503.size() + " 503(s) sent more than " + ELECTION.toSeconds()
                        + " s after the kill, with two brokers of three serving");
        phase.check(afterElection > 0, "no 202 after the election while " + BROKER + " was down");
        phase.check(
                statuses.keySet().stream().allMatch(status -> status == 202 || status == 409 || status == 503),
                "answers other than 202, 409 and 503 while " + BROKER + " was down: " + statuses);
        return DrainedChecks.NONE;
    }
}
