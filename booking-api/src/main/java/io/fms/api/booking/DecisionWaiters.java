package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.stereotype.Component;

/**
 * Long-polls on booking status: each poll waits while the booking is in the status it names ({@code PENDING}, or
 * {@code HELD} after a confirmation, {@code WAITLISTED} for a seat). A waiting poll holds a future, not a thread: it
 * completes when the processor announces a change of the booking on the Redis channel, when the fallback sweep (every
 * {@code fms.api.wait-fallback-interval-ms}) finds the decision in Redis because an announcement was lost, or when the
 * poll's time is up, with whatever Redis then holds. Waiters are bounded; beyond the bound a poll answers at once.
 */
@Component
class DecisionWaiters implements MessageListener, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionWaiters.class);
    private static final int SWEEP_BATCH_SIZE_MAX = 500;

    private final BookingReadModel readModel;
    private final int waitersMax;
    private final int waitSecondsMax;
    private final ConcurrentHashMap<UUID, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fms-decision-waiters").factory());
    // Redis reads block; they run on virtual threads so the timer and the pub/sub thread never wait on them.
    private final ExecutorService readers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fms-decision-read-", 0).factory());
    private final Counter overflow;

    DecisionWaiters(BookingReadModel readModel, ApiProperties properties, MeterRegistry meters) {
        this.readModel = readModel;
        this.waitersMax = properties.waitersMax();
        this.waitSecondsMax = properties.longPollMaxSeconds();
        long sweepMs = properties.waitFallbackIntervalMs();
        timer.scheduleWithFixedDelay(this::sweep, sweepMs, sweepMs, TimeUnit.MILLISECONDS);
        Gauge.builder("fms.api.waiters", waiting, AtomicInteger::get)
                .description("Status polls waiting for a decision")
                .register(meters);
        overflow = Counter.builder("fms.api.waiters.overflow")
                .description("Status polls answered at once because too many were waiting")
                .register(meters);
    }

    /** The longest a poll may ask to wait, in seconds ({@code fms.api.long-poll-max-seconds}). */
    int waitSecondsMax() {
        return waitSecondsMax;
    }

    /** A poll: its answer, and the status it waits to see changed. One per poll, told apart by identity. */
    private static final class Waiter {

        private final CompletableFuture<BookingView> answer;
        private final BookingStatus whileStatus;

        Waiter(CompletableFuture<BookingView> answer, BookingStatus whileStatus) {
            this.answer = answer;
            this.whileStatus = whileStatus;
        }

        /** Completes the poll if {@code view} is no longer in the status it waits out. */
        void completeIfChanged(BookingView view) {
            if (view.status() != whileStatus) {
                answer.complete(view);
            }
        }
    }

    /**
     * {@code current} at once if its status is not {@code whileStatus}, else the booking once its status changed or
     * once {@code wait} has passed, as answered ({@link BookingReadModel#answer}).
     */
    CompletableFuture<BookingView> awaitChange(BookingView current, BookingStatus whileStatus, Duration wait) {
        if (current.status() != whileStatus || wait.isZero()) {
            return CompletableFuture.completedFuture(current);
        }
        if (waiting.incrementAndGet() > waitersMax) {
            waiting.decrementAndGet();
            overflow.increment();
            return CompletableFuture.completedFuture(current);
        }
        UUID bookingId = current.bookingId();
        CompletableFuture<BookingView> decision = new CompletableFuture<>();
        Waiter waiter = new Waiter(decision, whileStatus);
        waiters.compute(bookingId, (id, set) -> {
            Set<Waiter> all = set == null ? ConcurrentHashMap.newKeySet() : set;
            all.add(waiter);
            return all;
        });
        ScheduledFuture<?> expiry = timer.schedule(
                () -> readers.execute(() -> expire(bookingId, current, decision)),
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
        decision.whenComplete((view, failure) -> {
            expiry.cancel(false);
            waiters.computeIfPresent(bookingId, (id, set) -> {
                set.remove(waiter);
                return set.isEmpty() ? null : set;
            });
            waiting.decrementAndGet();
        });
        // The decision may have landed after the caller read PENDING but before we registered, announced to no one.
        readers.execute(() -> check(bookingId));
        // Completed by the timer, the pub/sub thread or a reader; the answer's extra reads (queue and waitlist
        // places) run on a reader, never on the first two.
        return decision.thenApplyAsync(this::answer, readers);
    }

    private BookingView answer(BookingView view) {
        try {
            return readModel.answer(view);
        } catch (RuntimeException e) {
            // The status itself is known; only a place could not be read. Better that than no answer at all.
            LOG.debug("Could not read the places of booking {}: {}", view.bookingId(), e.toString());
            return view;
        }
    }

    int waiting() {
        return waiting.get();
    }

    /** A decided booking ID, announced by the processor once the decision is in Redis. */
    @Override
    public void onMessage(Message message, byte[] pattern) {
        String body = new String(message.getBody(), StandardCharsets.UTF_8).strip();
        try {
            UUID bookingId = UUID.fromString(body);
            if (waiters.containsKey(bookingId)) {
                readers.execute(() -> check(bookingId));
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring announcement that is not a booking ID: {}", body);
        }
    }

    private void check(UUID bookingId) {
        try {
            readModel.cached(bookingId).ifPresent(this::completeIfChanged);
        } catch (RuntimeException e) {
            LOG.debug("Could not re-read booking {}; the sweep or the timeout will: {}", bookingId, e.toString());
        }
    }

    private void expire(UUID bookingId, BookingView current, CompletableFuture<BookingView> decision) {
        BookingView latest = current;
        try {
            latest = readModel.cached(bookingId).orElse(current);
        } catch (RuntimeException e) {
            LOG.debug("Could not re-read booking {} at the end of its poll: {}", bookingId, e.toString());
        }
        decision.complete(latest);
    }

    private void sweep() {
        List<UUID> ids = List.copyOf(waiters.keySet());
        for (int from = 0; from < ids.size(); from += SWEEP_BATCH_SIZE_MAX) {
            try {
                Map<UUID, BookingView> views =
                        readModel.cached(ids.subList(from, Math.min(ids.size(), from + SWEEP_BATCH_SIZE_MAX)));
                views.values().forEach(this::completeIfChanged);
            } catch (RuntimeException e) {
                LOG.debug("Fallback sweep could not read Redis: {}", e.toString());
                return;
            }
        }
    }

    private void completeIfChanged(BookingView view) {
        Set<Waiter> set = waiters.get(view.bookingId());
        if (set != null) {
            List.copyOf(set).forEach(waiter -> waiter.completeIfChanged(view));
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        readers.shutdownNow();
        waiters.values().forEach(set -> List.copyOf(set).forEach(waiter -> waiter.answer.cancel(false)));
    }
}
