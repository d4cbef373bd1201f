package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Holds whose deadlines pass while the processor is down: a trip of its own gets held bookings, half of them paid at
 * once, then the processor is killed (kill -9) before the deadlines and started after them. Every hold must end
 * exactly once: the paid ones CONFIRMED, the rest EXPIRED with their seats free, each with exactly two events.
 */
final class HoldExpiry implements Fault.Injection {

    static final int HOLDS = 40;
    private static final int HOLD_SECONDS = 30;

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Api api = context.api();
        Load.Trip trip = api.createTrip(api.createFlight(), HOLDS / 4, "ABCD");
        List<String> paid = new ArrayList<>();
        List<String> unpaid = new ArrayList<>();
        for (int i = 0; i < HOLDS; i++) {
            String bookingId = api.bookHeld(trip.id(), HOLD_SECONDS);
            if (bookingId != null) {
                (i % 2 == 0 ? paid : unpaid).add(bookingId);
            }
        }
        phase.check(
                paid.size() + unpaid.size() == HOLDS,
                (paid.size() + unpaid.size()) + " of " + HOLDS + " held bookings accepted");
        // A confirmation queued before the booking is decided is decided after it, on the same partition.
        paid.forEach(bookingId -> api.confirm(bookingId, "chaos-" + bookingId.substring(0, 8)));
        Waits.pause(Duration.ofSeconds(2));
        stack.kill("booking-processor", "KILL");
        Instant killed = Instant.now();
        // Down past every deadline: the expiries are decided by the restarted processor, from the log.
        Waits.pause(Duration.ofSeconds(HOLD_SECONDS + 5));
        stack.up();
        phase.recovered(context.catchUp(killed));
        phase.note(HOLDS + " holds of " + HOLD_SECONDS
                + " s, half paid, processor killed (kill -9) until every deadline" + " had passed");
        return () -> {
            List<String> all = new ArrayList<>(paid);
            all.addAll(unpaid);
            Waits.poll(Duration.ofSeconds(30), () -> {
                Map<String, String> decided = context.ledger().decisions(all);
                return paid.stream().allMatch(id -> "CONFIRMED".equals(decided.get(id)))
                        && unpaid.stream().allMatch(id -> "EXPIRED".equals(decided.get(id)));
            });
            Map<String, String> ended = context.ledger().decisions(all);
            long confirmed = paid.stream()
                    .filter(id -> "CONFIRMED".equals(ended.get(id)))
                    .count();
            long expired = unpaid.stream()
                    .filter(id -> "EXPIRED".equals(ended.get(id)))
                    .count();
            phase.check(confirmed == paid.size(), confirmed + " of " + paid.size() + " paid holds CONFIRMED");
            phase.check(expired == unpaid.size(), expired + " of " + unpaid.size() + " unpaid holds EXPIRED");
            Map<String, Integer> sequences = context.ledger().eventSequences(all);
            long endedOnce = all.stream()
                    .filter(id -> sequences.getOrDefault(id, 0) == 2)
                    .count();
            phase.check(endedOnce == all.size(), endedOnce + " of " + all.size() + " holds ended exactly once");
            int live = context.ledger().liveSeats(List.of(trip.id())).getOrDefault(trip.id(), 0);
            phase.check(live == paid.size(), live + " live seats, expected the " + paid.size() + " paid");
        };
    }
}
