package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The notification worker killed while a slow webhook receiver holds its deliveries: every delivery still ends
 * delivered, every event reaches the receiver, none is recorded delivered twice.
 */
final class WorkerKill implements Fault.Injection {

    private static final int KILLS = 3;
    private static final int SLOW_RECEIVER_MS = 2_000;

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Ledger ledger = context.ledger();
        Receiver receiver = context.receiver();
        receiver.delayMs(SLOW_RECEIVER_MS);
        context.killAtRandomMoments(phase, "notification-worker", KILLS, 2_000);
        phase.note(KILLS + " x kill -9 of the worker, webhook receiver answering after " + SLOW_RECEIVER_MS + " ms");
        return () -> {
            Set<String> ids = context.acceptedIds();
            boolean settled = Waits.poll(Duration.ofSeconds(context.settings().drainTimeoutS()), () -> {
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
}
