package io.fms.bench;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * The run's progress lines, plus one every ~10 s of silence (a long ceiling, the checks on 1.5 million rows, a
 * baseline server starting) naming the step still under way: a run of an hour must show it is alive.
 */
final class Heartbeat implements Consumer<String>, AutoCloseable {

    private static final long SILENCE_NS = 10 * Measurement.SECOND_NS;

    private final Consumer<String> out;
    private final Thread thread;
    private final long startNs = Clock.now();
    private volatile String lastLine = "starting";
    private volatile long lastLineNs = startNs;
    private volatile long stepStartNs = startNs;

    Heartbeat(Consumer<String> out) {
        this.out = out;
        this.thread = Thread.ofPlatform().name("bench-heartbeat").daemon().start(this::beat);
    }

    @Override
    public synchronized void accept(String line) {
        out.accept(line);
        lastLine = line;
        lastLineNs = Clock.now();
        stepStartNs = lastLineNs;
    }

    private void beat() {
        try {
            while (true) {
                Thread.sleep(1000);
                long now = Clock.now();
                if (now - lastLineNs >= SILENCE_NS) {
                    synchronized (this) {
                        out.accept(String.format(
                                Locale.ROOT,
                                "... still at \"%s\" (%.0f s in that step, %.0f s into the run)",
                                lastLine,
                                (now - stepStartNs) / 1e9,
                                (now - startNs) / 1e9));
                        lastLineNs = now;
                    }
                }
            }
        } catch (InterruptedException e) {
            // the run is over
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
