package io.fms.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The load generator: C keep-alive {@link Http11Connection}s, one virtual thread each, posting the workload's booking
 * requests (each with its own {@code Idempotency-Key}) and recording every answer in {@link Outcomes}.
 *
 * <p>Closed loop ({@code rate == 0}): each connection sends its next request as soon as the previous one is answered.
 * Open loop: request i is due at {@code start + i / rate}; latency is measured from that due time, so a server that
 * falls behind shows its queueing instead of slowing the generator down (no coordinated omission).
 */
final class HttpLoad {

    private static final int BODY_MAX_BYTES = 64 * 1024;
    private static final byte[] BOOKING_ID = "\"bookingId\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONFIRMED = "\"CONFIRMED\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELD = "\"HELD\"".getBytes(StandardCharsets.US_ASCII);
    /** FMS: how long one status read waits for a change (booking-api's longest wait). */
    private static final int STATUS_WAIT_S = 30;
    /** A progress line this often, so a long run shows it is alive. */
    private static final long PROGRESS_EVERY_NS = 10 * Measurement.SECOND_NS;

    /** The server rate-limited the generator: every number after this would measure the limit, not the system. */
    static final class ThrottledException extends IllegalStateException {
        ThrottledException(int port) {
            super("the server on port " + port + " answered 429 Too Many Requests: a per-client rate limit is on."
                    + " Every request of the bench comes from one loopback address; run the stack without the limit"
                    + " (infra/fms up turns it off unless FMS_RATE_LIMIT_ENABLED is set: unset it, or set it to"
                    + " false, and restart booking-api)");
        }
    }

    /** Where the requests go and how their bodies name the trips. */
    record Endpoint(String host, int port, String path, String[] tripIds) {}

    private final Endpoint endpoint;
    private final Workload workload;
    private final String keyPrefix;
    private final String label;
    private final Consumer<String> progress;
    private final LongAdder answeredCount = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean throttled;
    private final Outcomes outcomes;
    /** Where confirmed bookings marked for cancellation go, for a system that answers with its decision. */
    private Cancellations cancellations;
    /** How held bookings are paid; null when the workload holds nothing. */
    private Payments payments;

    HttpLoad(Endpoint endpoint, Workload workload, String keyPrefix) {
        this(endpoint, workload, keyPrefix, "load", line -> {});
    }

    /** @param progress gets a line every ~10 s while requests go out ({@code label: answered/total, rate...}) */
    HttpLoad(Endpoint endpoint, Workload workload, String keyPrefix, String label, Consumer<String> progress) {
        this.endpoint = endpoint;
        this.workload = workload;
        this.keyPrefix = keyPrefix;
        this.label = label;
        this.progress = progress;
        this.outcomes = new Outcomes(workload.size());
    }

    /** What happened to each request: filled in by {@link #run}, and by a decision watcher for FMS. */
    Outcomes outcomes() {
        return outcomes;
    }

    /** A synchronous answer that confirms a booking marked for cancellation hands it to these. */
    HttpLoad cancellingWith(Cancellations cancellations) {
        this.cancellations = cancellations;
        return this;
    }

    /** A request that held its seats is paid by the connection that sent it (the "with holds" variant). */
    HttpLoad payingWith(Payments payments) {
        this.payments = payments;
        outcomes.holdsPlayed = true;
        return this;
    }

    /**
     * Sends every request of the workload and returns once each is answered (or failed).
     *
     * @param ratePerSecond 0 for closed loop
     * @param deadlineNs on the {@link Clock}; requests not yet due by then are not sent
     */
    Outcomes run(int connections, double ratePerSecond, long deadlineNs) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long start = Clock.now();
        List<Throwable> failures = new ArrayList<>();
        Thread reporter = Thread.ofVirtual().name("bench-progress").start(() -> report(start));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < connections; c++) {
                threads.submit(() -> {
                    try (Client client = new Client(endpoint.host(), endpoint.port())) {
                        for (int i = next.getAndIncrement();
                                i < workload.size() && !throttled;
                                i = next.getAndIncrement()) {
                            long due = Clock.now();
                            if (ratePerSecond > 0) {
                                due = start + (long) (i * 1e9 / ratePerSecond);
                                long wait = due - Clock.now();
                                if (wait > 0) {
                                    LockSupport.parkNanos(wait);
                                }
                            }
                            if (due > deadlineNs) {
                                break;
                            }
                            outcomes.dueNs[i] = due;
                            client.book(i, outcomes);
                        }
                    } catch (RuntimeException | Error e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                });
            }
        }
        reporter.interrupt();
        reporter.join();
        if (throttled) {
            throw new ThrottledException(endpoint.port());
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a load connection failed: " + failures.getFirst(), failures.getFirst());
        }
        return outcomes;
    }

    private void report(long start) {
        long last = start;
        long lastAnswered = 0;
        try {
            while (true) {
                Thread.sleep(PROGRESS_EVERY_NS / 1_000_000);
                long now = Clock.now();
                long done = answeredCount.sum();
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "%s: %,d of %,d answered after %.0f s (%,.0f/s over the last %.0f s), %,d transport errors",
                        label,
                        done,
                        workload.size(),
                        (now - start) / 1e9,
                        (done - lastAnswered) / ((now - last) / 1e9),
                        (now - last) / 1e9,
                        failed.sum()));
                last = now;
                lastAnswered = done;
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    /** One connection's side of the load: composes each request, sends it and records its answer. */
    private final class Client implements AutoCloseable {
        private final String head;
        /** The headers every exchange of a payment's steps sends. */
        private final String hostAndAccept;

        private final StringBuilder body = new StringBuilder(512);
        private final StringBuilder request = new StringBuilder(1024);
        private byte[] out = new byte[2048];
        private final Http11Connection connection;

        Client(String host, int port) {
            this.head = "POST " + endpoint.path() + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nIdempotency-Key: " + keyPrefix;
            this.hostAndAccept = "Host: " + host + ":" + port + "\r\nAccept: application/json\r\n";
            this.connection = new Http11Connection(host, port, BODY_MAX_BYTES);
        }

        void book(int i, Outcomes outcomes) {
            int length = encode(i);
            try {
                int status = connection.exchange(out, length);
                long answered = Clock.now();
                outcomes.answeredNs[i] = answered;
                outcomes.status[i] = (short) status;
                answeredCount.increment();
                if (status == 429) {
                    throttled = true;
                }
                byte[] responseBody = connection.body();
                int responseBodyLength = connection.bodyLength();
                int at = indexOf(responseBody, responseBodyLength, BOOKING_ID, 0);
                if (at >= 0) {
                    readUuid(responseBody, responseBodyLength, at + BOOKING_ID.length, i, outcomes);
                }
                if (status == 202 && cancellations != null && workload.cancels(i) && outcomes.hasBookingId(i)) {
                    cancellations.accepted(i);
                }
                if (status == 200 || status == 409) {
                    // A synchronous decision (the baselines), or FMS turning a request away at the door.
                    boolean confirmed = status == 200 && answerSays(CONFIRMED);
                    boolean held = status == 200 && answerSays(HELD);
                    outcomes.decision[i] = confirmed ? Outcomes.CONFIRMED : held ? Outcomes.HELD : Outcomes.REJECTED;
                    outcomes.decidedNs[i] = answered;
                    if (confirmed) {
                        cancelIfMarked(i);
                    }
                    if (held && payments != null) {
                        pay(i, false);
                    }
                } else if (status == 202 && payments != null && workload.holds(i) && outcomes.hasBookingId(i)) {
                    // FMS decides later: its client reads the booking until it is no longer PENDING.
                    if (!payments.abandons(i)
                            && exchange("GET", bookingPath(i) + "?waitSeconds=" + STATUS_WAIT_S, null) == 200
                            && answerSays(HELD)) {
                        pay(i, true);
                    }
                }
            } catch (IOException e) {
                outcomes.answeredNs[i] = Clock.now();
                outcomes.status[i] = Outcomes.TRANSPORT_ERROR;
                failed.increment();
            }
        }

        /**
         * The client of a hold pays after its think time, unless it is one that abandons: the confirmation's answer
         * (a baseline) or, for FMS, the booking read until it is no longer HELD says whether the payment won.
         */
        private void pay(int i, boolean asynchronous) throws IOException {
            if (payments.abandons(i) || !outcomes.hasBookingId(i)) {
                return;
            }
            LockSupport.parkNanos(payments.payAfterMs() * 1_000_000L);
            outcomes.paymentSent[i] = true;
            int status = exchange(
                    "POST",
                    bookingPath(i) + "/confirmation",
                    "{\"paymentReference\":\"" + Payments.reference(i) + "\"}");
            if (asynchronous && (status == 202 || status == 200)) {
                status = exchange("GET", bookingPath(i) + "?waitSeconds=" + STATUS_WAIT_S + "&while=HELD", null);
            }
            if (status == 200 && answerSays(CONFIRMED)) {
                outcomes.paidNs[i] = Clock.now();
                if (!asynchronous) {
                    // FMS's cancellations follow its BookingConfirmed event, a paid hold's included.
                    cancelIfMarked(i);
                }
            }
        }

        private void cancelIfMarked(int i) {
            if (cancellations != null && workload.cancels(i) && outcomes.hasBookingId(i)) {
                cancellations.confirmed(i);
            }
        }

        private String bookingPath(int i) {
            return endpoint.path() + "/" + new UUID(outcomes.bookingMsb[i], outcomes.bookingLsb[i]);
        }

        private boolean answerSays(byte[] status) {
            return indexOf(connection.body(), connection.bodyLength(), status, 0) >= 0;
        }

        /** One more exchange on this connection (a payment's steps); answers the status. */
        private int exchange(String method, String target, String json) throws IOException {
            request.setLength(0);
            request.append(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\n")
                    .append(hostAndAccept);
            if (json != null) {
                request.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(json.length())
                        .append("\r\n\r\n")
                        .append(json);
            } else {
                request.append("\r\n");
            }
            return connection.exchange(out, copyOut());
        }

        private int copyOut() {
            int length = request.length();
            if (out.length < length) {
                out = new byte[length * 2];
            }
            for (int c = 0; c < length; c++) {
                out[c] = (byte) request.charAt(c);
            }
            return length;
        }

        private int encode(int i) {
            body.setLength(0);
            body.append("{\"tripId\":\"")
                    .append(endpoint.tripIds()[workload.trip(i)])
                    .append("\",\"passengers\":[");
            for (int p = 0; p < workload.party(i); p++) {
                body.append(p == 0 ? "{\"name\":\"Traveller " : ",{\"name\":\"Traveller ")
                        .append(p + 1)
                        .append("\"}");
            }
            body.append(']');
            if (workload.explicit(i)) {
                body.append(",\"seats\":[");
                workload.appendSeats(i, body);
                body.append(']');
            }
            if (payments != null && workload.holds(i)) {
                // The "with holds" variant: the decision is HELD, and paying confirms it.
                body.append(",\"hold\":{\"seconds\":")
                        .append(payments.holdSeconds())
                        .append('}');
            }
            body.append('}');
            request.setLength(0);
            request.append(head)
                    .append(i)
                    .append("\r\nContent-Length: ")
                    .append(body.length())
                    .append("\r\n\r\n")
                    .append(body);
            return copyOut();
        }

        @Override
        public void close() {
            connection.close();
        }

        private static void readUuid(byte[] responseBody, int responseBodyLength, int from, int i, Outcomes outcomes) {
            int quote = -1;
            for (int c = from; c < responseBodyLength; c++) {
                if (responseBody[c] == '"') {
                    quote = c;
                    break;
                }
            }
            if (quote < 0 || quote + 37 > responseBodyLength) {
                return;
            }
            long msb = 0;
            long lsb = 0;
            int digits = 0;
            for (int c = quote + 1; c < quote + 37; c++) {
                int value = Character.digit(responseBody[c], 16);
                if (value < 0) {
                    continue;
                }
                if (digits < 16) {
                    msb = (msb << 4) | value;
                } else {
                    lsb = (lsb << 4) | value;
                }
                digits++;
            }
            if (digits == 32) {
                outcomes.bookingMsb[i] = msb;
                outcomes.bookingLsb[i] = lsb;
            }
        }
    }

    private static int indexOf(byte[] bytes, int length, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
