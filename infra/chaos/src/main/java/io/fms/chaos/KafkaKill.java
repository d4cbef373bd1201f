package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The broker killed: while it is gone the API answers 503 with Retry-After, never a 202 it cannot keep. */
final class KafkaKill implements Fault.Injection {

    private static final Duration DOWN = Duration.ofSeconds(20);

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Load load = context.load();
        stack.kill("kafka", "KILL");
        Instant down = Instant.now();
        Waits.pause(DOWN);
        Instant up = Instant.now();
        stack.up();
        // up returns once the broker answers on its port, which it opens last: its own start-up ends here.
        Instant answering = Instant.now();
        phase.recovered(context.catchUp(up));
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
        // 503s go on while the broker starts, and then until the API's producer has reconnected: the two apart, so
        // that a slow broker start is not taken for a slow client.
        phase.note(String.format(
                "broker start-up %.1f s", Duration.between(up, answering).toMillis() / 1000.0));
        load.answers().stream()
                .filter(answer -> answer.status() == 503 && answer.sentAt().isAfter(up))
                .map(Load.Answer::sentAt)
                .max(Instant::compareTo)
                .ifPresent(last -> phase.note(String.format(
                        "last 503 sent %.1f s after the broker was started, %s",
                        Duration.between(up, last).toMillis() / 1000.0,
                        last.isBefore(answering)
                                ? "before its start-up had ended"
                                : String.format(
                                        "%.1f s after it answered",
                                        Duration.between(answering, last).toMillis() / 1000.0))));
        phase.check(!statuses.containsKey(202), statuses.getOrDefault(202, 0) + " 202(s) while the broker was down");
        phase.check(
                statuses.keySet().stream().allMatch(status -> status == 503),
                "answers other than 503 while the broker was down: " + statuses);
        phase.check(without == 0, without + " 503(s) without Retry-After");
        return DrainedChecks.NONE;
    }
}
