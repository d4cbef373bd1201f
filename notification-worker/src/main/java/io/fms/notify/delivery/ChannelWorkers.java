package io.fms.notify.delivery;

import io.fms.notify.NotifyProperties;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded workers of each channel, on which the dispatcher runs attempts. Emails and webhooks have workers of
 * their own, so that neither a mail server nor receivers that are slow can delay the other channel, and a webhook's
 * registered domain holds at most its share of the webhook workers.
 */
final class ChannelWorkers {

    private static final Logger log = LoggerFactory.getLogger(ChannelWorkers.class);

    private final AttemptRunner runner;
    private final Runnable onFree;
    private final Map<Channel, Semaphore> permits = new EnumMap<>(Channel.class);
    private final DomainShares shares;
    private ExecutorService executor;

    /** @param onFree called each time a worker frees up */
    ChannelWorkers(AttemptRunner runner, NotifyProperties properties, Runnable onFree) {
        this.runner = runner;
        this.onFree = onFree;
        this.shares = new DomainShares(properties.domainConcurrencyMax());
        permits.put(Channel.EMAIL, new Semaphore(properties.emailThreads()));
        permits.put(Channel.WEBHOOK, new Semaphore(properties.webhookThreads()));
    }

    void start() {
        executor = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("notify-worker-", 0).factory());
    }

    /** Lets attempts in flight finish for up to {@code graceMs}, then interrupts those still running. */
    void stop(long graceMs) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(graceMs, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    /** Workers of {@code channel} free now; only the dispatcher's thread takes them, so no fewer when it does. */
    int free(Channel channel) {
        return permits.get(channel).availablePermits();
    }

    /**
     * Starts an attempt at {@code delivery} on a worker of its channel, which the caller saw free; false, starting
     * nothing, when its receiver's domain already holds its share.
     */
    boolean tryStart(DueDelivery delivery) {
        String key = runner.concurrencyKey(delivery);
        if (key != null && !shares.tryTake(key)) {
            return false;
        }
        Semaphore channelPermits = permits.get(delivery.channel());
        channelPermits.acquireUninterruptibly();
        try {
            executor.execute(() -> attempt(delivery, key, channelPermits));
        } catch (RejectedExecutionException e) {
            // Shutting down: the claim lapses with its lease and another worker takes the delivery.
            free(key, channelPermits);
        }
        return true;
    }

    private void attempt(DueDelivery delivery, String key, Semaphore channelPermits) {
        try {
            runner.attempt(delivery);
        } catch (RuntimeException e) {
            // The attempt may not be recorded (Postgres down): the lease lapses and the delivery is tried again.
            log.warn("delivery {} attempt not recorded, will be retried: {}", delivery.id(), e.toString());
        } finally {
            free(key, channelPermits);
            onFree.run();
        }
    }

    private void free(String key, Semaphore channelPermits) {
        if (key != null) {
            shares.giveBack(key);
        }
        channelPermits.release();
    }
}
