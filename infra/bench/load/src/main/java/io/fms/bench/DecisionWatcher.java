package io.fms.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * FMS's decisions as {@code fms.booking.events} carries them, read by a {@link DecisionFeed} in a process of its own
 * (its Kafka consumer and JSON cost the load generator nothing) and collected here on a thread that only reads the
 * feed's fixed-size records. Decisions are kept as they come (one may arrive before the load connection has even
 * parsed its {@code 202}); once the accepted booking IDs are known ({@link #expect}), they are matched to their
 * requests.
 *
 * <p>A decision's time is its event record's timestamp: the processor sends the event after the Postgres commit that
 * made the decision, so the time is never earlier than the moment the decision became visible. Kafka stamps whole
 * milliseconds; the time is rounded up to the next one.
 */
final class DecisionWatcher implements AutoCloseable {

    private static final long START_TIMEOUT_S = 60;

    private final Process feed;
    private final Thread thread;

    // Owned by the watcher thread until it ends.
    private long[] msb = new long[1 << 16];
    private long[] lsb = new long[1 << 16];
    private long[] decidedNs = new long[1 << 16];
    private long[] observedNs = new long[1 << 16];
    private byte[] kind = new byte[1 << 16];
    private int seen;
    private int matchedUpTo;
    private volatile int unreadable;

    private volatile Expectation expectation;
    private volatile Cancellations cancellations;

    /** One play's bookings and what of them is matched so far; a new play starts from zero. */
    private record Expectation(UuidIndex accepted, Outcomes outcomes, AtomicInteger decided, AtomicInteger cancelled) {}

    DecisionWatcher(String bootstrapServers) throws IOException {
        List<String> command = new ArrayList<>(feedCommand());
        command.addAll(List.of(BenchMain.WATCH_DECISIONS, bootstrapServers));
        feed = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        DataInputStream in = new DataInputStream(new BufferedInputStream(feed.getInputStream(), 1 << 16));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_S);
        int ready = -1;
        while (System.nanoTime() < deadline && feed.isAlive() && ready < 0) {
            if (in.available() > 0 || !feed.isAlive()) {
                ready = in.read();
            } else {
                sleep(20);
            }
        }
        if (ready != DecisionFeed.READY) {
            feed.destroyForcibly();
            throw new IllegalStateException(
                    "the decision watcher's process did not start (no Kafka at " + bootstrapServers + "?)");
        }
        thread = Thread.ofPlatform().name("fms-bench-decisions").daemon().start(() -> loop(in));
    }

    /**
     * The same Java and class path as this process: {@code -jar} of the bench's jar when it runs from it (its
     * classes are nested), else the plain class path (tests).
     */
    private static List<String> feedCommand() {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx256m"));
        // The bench's own jar nests its classes (Spring Boot's layout): it runs with -jar. Anything else, a plain
        // class path or a test runner's manifest-only jar, names the classes directly.
        if (!classPath.contains(java.io.File.pathSeparator)
                && Path.of(classPath).getFileName().toString().matches("bench-load-.*-exec\\.jar")) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, BenchMain.class.getName()));
        }
        return command;
    }

    private void loop(DataInputStream in) {
        try {
            while (true) {
                byte k = in.readByte();
                long m = in.readLong();
                long l = in.readLong();
                long timestampMs = in.readLong();
                long readMicros = in.readLong();
                if (k == DecisionFeed.UNREADABLE) {
                    unreadable++;
                } else if (k != DecisionFeed.HEARTBEAT && k != DecisionFeed.OTHER) {
                    keep(k, m, l, timestampMs, readMicros);
                }
                if (in.available() < DecisionFeed.RECORD_BYTES) {
                    match();
                }
            }
        } catch (EOFException e) {
            match();
        } catch (IOException e) {
            match();
        }
    }

    private void keep(byte k, long m, long l, long timestampMs, long readMicros) {
        if (seen == msb.length) {
            int size = seen * 2;
            msb = Arrays.copyOf(msb, size);
            lsb = Arrays.copyOf(lsb, size);
            decidedNs = Arrays.copyOf(decidedNs, size);
            observedNs = Arrays.copyOf(observedNs, size);
            kind = Arrays.copyOf(kind, size);
        }
        msb[seen] = m;
        lsb[seen] = l;
        decidedNs[seen] = Clock.of(Instant.ofEpochMilli(timestampMs + 1));
        observedNs[seen] = Clock.of(Instant.ofEpochSecond(readMicros / 1_000_000, (readMicros % 1_000_000) * 1000));
        kind[seen] = k;
        seen++;
        Cancellations cancelling = cancellations;
        if (k == DecisionFeed.CONFIRMED && cancelling != null) {
            cancelling.decisionConfirmed(new UUID(m, l));
        }
    }

    private synchronized void match() {
        Expectation expected = expectation;
        if (expected == null) {
            return;
        }
        Outcomes outcomes = expected.outcomes();
        int newlyMatched = 0;
        int newlyCancelled = 0;
        for (; matchedUpTo < seen; matchedUpTo++) {
            int i = expected.accepted().get(msb[matchedUpTo], lsb[matchedUpTo]);
            if (i < 0) {
                continue;
            }
            if (kind[matchedUpTo] == DecisionFeed.CANCELLED) {
                if (outcomes.cancelledNs[i] == 0) {
                    outcomes.cancelledNs[i] = decidedNs[matchedUpTo];
                    newlyCancelled++;
                }
            } else if (outcomes.decidedNs[i] == 0) {
                outcomes.decidedNs[i] = decidedNs[matchedUpTo];
                outcomes.observedNs[i] = observedNs[matchedUpTo];
                outcomes.decision[i] = switch (kind[matchedUpTo]) {
                    case DecisionFeed.CONFIRMED -> Outcomes.CONFIRMED;
                    case DecisionFeed.HELD -> Outcomes.HELD;
                    default -> Outcomes.REJECTED;
                };
                newlyMatched++;
            }
        }
        expected.decided().addAndGet(newlyMatched);
        expected.cancelled().addAndGet(newlyCancelled);
    }

    /** Confirmations from now on are handed to these (the workload's cancellations). */
    void cancellingWith(Cancellations cancelling) {
        this.cancellations = cancelling;
    }

    /** From now on, decisions of these bookings are written into their requests' outcomes. */
    synchronized void expect(UuidIndex accepted, Outcomes outcomes) {
        expectation = new Expectation(accepted, outcomes, new AtomicInteger(), new AtomicInteger());
    }

    /**
     * The play is over: nothing more is written into its outcomes (safe to read once this returns), and the next
     * play's events are matched from where this one's matching stopped. The feed keeps running, warm.
     */
    synchronized void finishPlay() {
        expectation = null;
        cancellations = null;
    }

    /**
     * Waits until {@code count} expected bookings are decided, the bound passes, or no decision came for
     * {@code stallNs}; answers how many are decided.
     */
    int awaitDecided(int count, long boundNs, long stallNs) throws InterruptedException {
        return awaitDecided(count, boundNs, stallNs, line -> {});
    }

    /** As {@link #awaitDecided(int, long, long)}, with a progress line every ~10 s while it waits. */
    int awaitDecided(int count, long boundNs, long stallNs, Consumer<String> progress) throws InterruptedException {
        Expectation expected = expectation;
        return await(() -> expected.decided().get(), count, boundNs, stallNs, progress, "decisions");
    }

    /** Waits for {@code count} cancellations of expected bookings, as {@link #awaitDecided} waits for decisions. */
    int awaitCancelled(int count, long boundNs, long stallNs, Consumer<String> progress) throws InterruptedException {
        Expectation expected = expectation;
        return await(() -> expected.cancelled().get(), count, boundNs, stallNs, progress, "cancellations");
    }

    private interface Counter {
        int get();
    }

    private int await(Counter counter, int count, long boundNs, long stallNs, Consumer<String> progress, String what)
            throws InterruptedException {
        long start = Clock.now();
        long deadline = start + boundNs;
        int last = -1;
        long lastProgress = start;
        long nextReport = start + 10 * Measurement.SECOND_NS;
        while (counter.get() < count && Clock.now() < deadline && thread.isAlive()) {
            int now = counter.get();
            if (Clock.now() >= nextReport) {
                progress.accept(String.format(
                        java.util.Locale.ROOT,
                        "%,d of %,d %s read after %.0f s",
                        now,
                        count,
                        what,
                        (Clock.now() - start) / 1e9));
                nextReport += 10 * Measurement.SECOND_NS;
            }
            if (now != last) {
                last = now;
                lastProgress = Clock.now();
            } else if (Clock.now() - lastProgress > stallNs) {
                break;
            }
            Thread.sleep(50);
        }
        return counter.get();
    }

    int unreadable() {
        return unreadable;
    }

    /** The feed process, for CPU accounting. */
    long pid() {
        return feed.pid();
    }

    /** Stops the feed and the thread; afterwards the outcomes it wrote are safe to read. */
    @Override
    public void close() throws InterruptedException {
        try {
            feed.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!feed.waitFor(15, TimeUnit.SECONDS)) {
            feed.destroyForcibly();
        }
        thread.join(Duration.ofSeconds(15));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
