package io.fms.notify.delivery;

import io.fms.notify.NotifyProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The retry-table scheduler: one thread claims due deliveries from Postgres and hands each to the bounded pool of
 * workers of its channel. A delivery waiting for its retry is just a row with a future {@code next_attempt_at}, so a
 * slow or dead receiver holds no thread and no partition while it waits, and at most {@code domainConcurrencyMax}
 * webhook workers while it is being tried. Emails and webhooks have workers of their own, so that neither a mail
 * server nor receivers that are slow can delay the other channel.
 *
 * <p>It wakes when the intake has stored new deliveries and when a worker frees up, else every poll interval.
 */
@Component
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryLog deliveryLog;
    private final ChannelWorkers workers;
    private final AttemptRunner runner;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final NotifyProperties properties;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeCondition = lock.newCondition();
    private boolean woken;

    private volatile boolean running;
    private Thread loop;

    public DeliveryDispatcher(
            DeliveryLog deliveryLog,
            AttemptRunner runner,
            NotificationMetrics metrics,
            Clock clock,
            NotifyProperties properties) {
        this.deliveryLog = deliveryLog;
        this.workers = new ChannelWorkers(runner, properties, this::wakeUp);
        this.runner = runner;
        this.metrics = metrics;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Deliveries newly stored: those final at once (SKIPPED) are counted as finished, and a PENDING one has the
     * dispatcher look for due deliveries now rather than at the next poll.
     */
    public void recorded(List<DeliveryLog.Recorded> recorded) {
        boolean anyPending = false;
        for (DeliveryLog.Recorded delivery : recorded) {
            if (delivery.status() == DeliveryStatus.PENDING) {
                anyPending = true;
            } else {
                metrics.deliveryFinished(delivery.channel(), delivery.eventType(), delivery.status());
            }
        }
        if (anyPending) {
            wakeUp();
        }
    }

    /** Look for due deliveries now rather than at the next poll. */
    private void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wakeCondition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workers.start();
        loop = Thread.ofPlatform().name("notify-dispatcher").daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUp();
        try {
            loop.join(properties.pollIntervalMs() + properties.shutdownGraceMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Let attempts in flight finish and be recorded; any still running after this are retried on lease expiry.
        workers.stop(properties.requestTimeoutMs() + properties.shutdownGraceMs());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long nextHousekeepingNanos = System.nanoTime();
        while (running) {
            try {
                boolean maybeMore = dispatchDue();
                if (System.nanoTime() - nextHousekeepingNanos >= 0) {
                    housekeeping();
                    nextHousekeepingNanos = System.nanoTime() + properties.housekeepingIntervalMs() * 1_000_000;
                }
                if (!maybeMore) {
                    awaitWake(properties.pollIntervalMs());
                }
            } catch (RuntimeException e) {
                // Postgres down, most likely: the rows wait, nothing is lost; try again at the next poll.
                log.warn("notification dispatch failed, retrying: {}", e.toString());
                awaitWake(properties.pollIntervalMs());
            }
        }
    }

    /** @return true when a claim was full, so more deliveries may be due right away */
    private boolean dispatchDue() {
        boolean maybeMore = false;
        for (Channel channel : Channel.values()) {
            maybeMore |= dispatchDue(channel);
        }
        return maybeMore;
    }

    private boolean dispatchDue(Channel channel) {
        int free = workers.free(channel);
        if (free == 0) {
            return false;
        }
        int limit = Math.min(free, properties.pollBatchMax());
        Instant now = clock.instant();
        List<DueDelivery> due = deliveryLog.claimDue(channel, limit, now, now.plusMillis(properties.leaseMs()));
        for (DueDelivery delivery : due) {
            if (!workers.tryStart(delivery)) {
                // Its receiver already has its share of workers: try again shortly, without counting an attempt.
                deliveryLog.release(delivery.id(), now.plusMillis(properties.pollIntervalMs()));
            }
        }
        return due.size() == limit;
    }

    private void housekeeping() {
        Instant now = clock.instant();
        for (DueDelivery dead : deliveryLog.claimUnpublishedDeadLetters(
                properties.deadLetterBatchMax(), now, now.plusMillis(properties.leaseMs()))) {
            runner.publishDeadLetter(dead, dead.attemptCount(), dead.lastError());
        }
        metrics.backlog(deliveryLog.backlog());
    }

    private void awaitWake(long timeoutMs) {
        lock.lock();
        try {
            if (!woken && running) {
                wakeCondition.await(timeoutMs, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }
}
