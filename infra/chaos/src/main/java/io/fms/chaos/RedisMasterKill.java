package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Redis Cluster master killed under load (up --cluster), then restarted from its append-only file: only the keys
 * of its slots are out meanwhile, and a retried Idempotency-Key still names its first booking.
 */
final class RedisMasterKill implements Fault.Injection {

    private static final String MASTER = "redis-2";
    static final Duration DOWN = Duration.ofSeconds(20);
    private static final int RETRIED_SAMPLE = 50;

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Load load = context.load();
        List<Load.Accepted> earlier =
                load.accepted().stream().limit(RETRIED_SAMPLE).toList();
        stack.kill(MASTER, "KILL");
        Instant killed = Instant.now();
        Waits.pause(DOWN);
        Instant restarted = Instant.now();
        Map<Integer, Integer> statuses = new HashMap<>();
        load.answers().stream()
                .filter(answer ->
                        answer.sentAt().isAfter(killed) && answer.answeredAt().isBefore(restarted))
                .forEach(answer -> statuses.merge(answer.status(), 1, Integer::sum));
        stack.up();
        phase.recovered(context.catchUp(restarted));
        phase.note("answers while " + MASTER + " was down: " + statuses);
        phase.check(
                statuses.keySet().stream().allMatch(status -> status == 202 || status == 409 || status == 503),
                "answers other than 202, 409 and 503 while " + MASTER + " was down: " + statuses);
        phase.check(statuses.getOrDefault(202, 0) > 0, "no 202 while " + MASTER + " was down");

        RedisFlush.retrySameKeys(load, earlier, phase, "the restart");
        return () -> RedisFlush.oneRowPerAcceptedBooking(context, phase);
    }
}
