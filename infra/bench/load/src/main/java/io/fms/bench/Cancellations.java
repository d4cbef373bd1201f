package io.fms.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The clients who change their mind: a few keep-alive connections of their own that send {@code DELETE} for each
 * confirmed booking the workload marks for cancellation, as soon as the bench learns it is confirmed (the baselines'
 * answer, FMS's decision event). A synchronous {@code 200} is the cancellation itself (its time is recorded here); an
 * FMS {@code 202} queues it, and its decision event is recorded by the {@link DecisionWatcher}.
 */
final class Cancellations implements AutoCloseable {

    /** Few: cancellations are a share of the confirmed bookings, not a load of their own. */
    static final int CONNECTIONS = 8;

    private static final int QUEUE_MAX = 1 << 20;
    private static final int BODY_MAX_BYTES = 16 * 1024;
    private static final int POISON = -1;

    private final String host;
    private final int port;
    private final String pathPrefix;
    private final Outcomes outcomes;
    private final BlockingQueue<Integer> pending = new ArrayBlockingQueue<>(QUEUE_MAX);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * FMS: booking ID to its request while its decision is awaited, or {@link #CONFIRMED_FIRST} for a confirmation
     * seen before the request's {@code 202} was parsed. Only used when the workload cancels anything.
     */
    private final ConcurrentHashMap<UUID, Integer> awaiting = new ConcurrentHashMap<>();

    private static final int CONFIRMED_FIRST = -2;
    private final LongAdder sent = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** @param pathPrefix the booking's path without its ID, e.g. {@code /api/v1/bookings/} */
    Cancellations(String host, int port, String pathPrefix, Outcomes outcomes) {
        this.host = host;
        this.port = port;
        this.pathPrefix = pathPrefix;
        this.outcomes = outcomes;
        for (int c = 0; c < CONNECTIONS; c++) {
            threads.submit(this::serve);
        }
    }

    /** Request i was confirmed; its client cancels it. Never blocks the caller (a full queue drops the cancel). */
    void confirmed(int i) {
        if (!pending.offer(i)) {
            refused.increment();
        }
    }

    /**
     * FMS accepted request i (marked for cancellation): it is cancelled once its decision event says confirmed,
     * which may already have come (the event can overtake the parsing of the {@code 202}).
     */
    void accepted(int i) {
        UUID id = new UUID(outcomes.bookingMsb[i], outcomes.bookingLsb[i]);
        boolean confirmedAlready =
                awaiting.compute(id, (key, seen) -> seen != null && seen == CONFIRMED_FIRST ? null : i) == null;
        if (confirmedAlready) {
            confirmed(i);
        }
    }

    /** FMS's decision event: this booking is confirmed. */
    void decisionConfirmed(UUID id) {
        int[] request = {-1};
        awaiting.compute(id, (key, waiting) -> {
            if (waiting == null) {
                return CONFIRMED_FIRST;
            }
            request[0] = waiting;
            return null;
        });
        if (request[0] >= 0) {
            confirmed(request[0]);
        }
    }

    private void serve() {
        byte[] out = new byte[512];
        try (Http11Connection connection = new Http11Connection(host, port, BODY_MAX_BYTES)) {
            while (true) {
                int i = pending.take();
                if (i == POISON) {
                    return;
                }
                String request = "DELETE " + pathPrefix + new UUID(outcomes.bookingMsb[i], outcomes.bookingLsb[i])
                        + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Length: 0\r\n\r\n";
                byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(bytes, 0, out, 0, bytes.length);
                sent.increment();
                try {
                    int status = connection.exchange(out, bytes.length);
                    if (status == 200 || status == 204) {
                        outcomes.cancelledNs[i] = Clock.now();
                        accepted.increment();
                    } else if (status == 202) {
                        accepted.increment();
                    } else {
                        refused.increment();
                    }
                } catch (IOException e) {
                    refused.increment();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Cancellations asked for (sent) and those the system took (200/202/204). */
    record Counts(long sent, long accepted, long refused) {}

    Counts counts() {
        return new Counts(sent.sum(), accepted.sum(), refused.sum());
    }

    /** Sends what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        for (int c = 0; c < CONNECTIONS; c++) {
            pending.put(POISON);
        }
        threads.shutdown();
        threads.awaitTermination(120, TimeUnit.SECONDS);
        threads.shutdownNow();
    }
}
