package io.fms.chaos;

import io.fms.chaos.Fault.DrainedChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redis restarted empty: earlier bookings stay readable (from Postgres), a retried Idempotency-Key still names its
 * first booking, and the availability the API shows is rebuilt to what Postgres holds.
 */
final class RedisFlush implements Fault.Injection {

    private static final int RETRIED_SAMPLE = 50;

    @Override
    public DrainedChecks inject(FaultContext context, Phase phase) {
        Stack stack = context.stack();
        Load load = context.load();
        Api api = context.api();
        List<Load.Accepted> earlier =
                load.accepted().stream().limit(RETRIED_SAMPLE).toList();
        stack.stop("redis");
        deleteContents(stack.dataDir("redis"));
        Instant restarted = Instant.now();
        stack.up();
        phase.recovered(context.catchUp(restarted));
        // Status reads of earlier bookings now that Redis holds none of them: Postgres must answer.
        Map<String, String> statuses = new HashMap<>();
        earlier.forEach(request -> statuses.put(request.bookingId(), api.bookingStatus(request.bookingId())));
        long unreadable = statuses.values().stream()
                .filter(status -> status.startsWith("HTTP") || status.equals("PENDING"))
                .count();
        phase.check(unreadable == 0, unreadable + " earlier booking(s) unreadable or PENDING after the flush");
        retrySameKeys(load, earlier, phase, "the flush");
        return () -> {
            oneRowPerAcceptedBooking(context, phase);
            // Availability snapshots rebuild: the API's availableSeats agrees with the seats Postgres holds.
            Map<String, Integer> live = context.ledger().liveSeats(phase.tripIds());
            for (Load.Trip trip : phase.trips) {
                int expected = trip.capacity() - live.getOrDefault(trip.id(), 0);
                boolean agrees = Waits.poll(Duration.ofSeconds(90), () -> api.availableSeats(trip.id()) == expected);
                phase.check(
                        agrees,
                        "availableSeats of " + trip.id() + " is " + api.availableSeats(trip.id()) + ", Postgres says "
                                + expected);
            }
        };
    }

    /** The same key and body again: the same booking, never a second one. */
    static void retrySameKeys(Load load, List<Load.Accepted> earlier, Phase phase, String after) {
        Map<Integer, Integer> retries = new HashMap<>();
        int differentId = 0;
        for (Load.Accepted request : earlier) {
            Load.Answer answer = load.submit(request.key(), request.body());
            retries.merge(answer.status(), 1, Integer::sum);
            if (answer.bookingId() != null && !answer.bookingId().equals(request.bookingId())) {
                differentId++;
            }
        }
        phase.note(earlier.size() + " earlier requests retried after " + after + ": " + retries);
        phase.check(differentId == 0, differentId + " retried key(s) got a new booking ID");
    }

    /** One booking row per distinct booking ID answered 202: no retry made a second booking. */
    static void oneRowPerAcceptedBooking(FaultContext context, Phase phase) {
        Set<String> ids = context.acceptedIds();
        int rows = context.ledger().bookingRows(phase.tripIds());
        phase.check(rows == ids.size(), rows + " booking rows for " + ids.size() + " distinct accepted bookings");
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
