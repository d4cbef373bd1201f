package io.fms.e2e;

import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.Booking;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionTimeoutException;

/** Waits, bounded, until many accepted bookings are no longer PENDING, reading them as a client would. */
final class Decisions {

    /** Parallel reads per round: enough to sweep hundreds of bookings a second, few enough for a small machine. */
    private static final int READERS = 32;

    private Decisions() {}

    /** Waits until the booking shows {@code status}; fails with its last state and the services' logs. */
    static Booking awaitStatus(RunningFms fms, String bookingId, String status, Duration bound) {
        try {
            return await("booking " + bookingId + " " + status)
                    .atMost(bound)
                    .pollInterval(Duration.ofMillis(300))
                    .until(
                            () -> fms.client().booking(bookingId),
                            booking -> booking.status().equals(status));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(
                    "booking " + bookingId + " not " + status + " after " + bound + ": "
                            + fms.client().booking(bookingId) + fms.logTails(FmsStack.PROCESSOR, FmsStack.API),
                    e);
        }
    }

    /** Every booking's first non-PENDING state; fails, naming the stragglers and showing the logs, after the bound. */
    static Map<String, Booking> awaitFinal(RunningFms fms, Collection<String> bookingIds, Duration bound) {
        Map<String, Booking> decided = new ConcurrentHashMap<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(READERS)) {
            await("decisions of " + bookingIds.size() + " bookings")
                    .atMost(bound)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        List<Callable<Void>> reads = bookingIds.stream()
                                .filter(id -> !decided.containsKey(id))
                                .map(id -> (Callable<Void>) () -> {
                                    Booking booking = fms.client().booking(id);
                                    if (!booking.isPending()) {
                                        decided.put(id, booking);
                                    }
                                    return null;
                                })
                                .toList();
                        for (Future<Void> read : readers.invokeAll(reads)) {
                            try {
                                read.get();
                            } catch (ExecutionException e) {
                                throw new AssertionError("reading a booking failed: " + e.getCause(), e.getCause());
                            }
                        }
                        return decided.size() == bookingIds.size();
                    });
        } catch (ConditionTimeoutException e) {
            List<String> pending =
                    bookingIds.stream().filter(id -> !decided.containsKey(id)).toList();
            throw new AssertionError(
                    pending.size() + " of " + bookingIds.size() + " accepted bookings still PENDING after " + bound
                            + ", e.g. " + pending.subList(0, Math.min(5, pending.size()))
                            + fms.logTails(FmsStack.PROCESSOR, FmsStack.API),
                    e);
        }
        return Map.copyOf(decided);
    }
}
