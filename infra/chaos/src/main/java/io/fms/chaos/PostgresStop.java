package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Postgres stopped for a while: the API keeps taking bookings (they wait in Kafka), status reads answer 200 from the
 * read model or 503, never anything else.
 */
final class PostgresStop implements Fault.Injection {

    static final Duration DOWN = Duration.ofSeconds(30);

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Load load = context.load();
        List<Load.Accepted> before = load.accepted();
        stack.stop("postgres");
        Instant down = Instant.now();
        Map<Integer, Integer> reads = new HashMap<>();
        while (Duration.between(down, Instant.now()).compareTo(DOWN) < 0) {
            if (!before.isEmpty()) {
                String bookingId =
                        before.get(context.random().nextInt(before.size())).bookingId();
                reads.merge(context.api().bookingReadStatus(bookingId), 1, Integer::sum);
            }
            Waits.pause(Duration.ofSeconds(2));
        }
        Instant up = Instant.now();
        stack.up();
        phase.recovered(context.catchUp(up));
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
        return DrainedChecks.NONE;
    }
}
