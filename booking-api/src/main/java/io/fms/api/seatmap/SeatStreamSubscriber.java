package io.fms.api.seatmap;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream. Frames are queued by the fan-out thread and written by a short-lived writer task only while
 * there is something to write, so no thread waits on an idle client; a client that stops reading is closed once
 * {@code backlogMax} frames wait for it, and reconnects with Last-Event-ID.
 */
final class SeatStreamSubscriber {

    private final SseEmitter emitter;
    private final long lastEventId;
    private final Executor writers;
    private final int backlogMax;
    private final Queue<Frame> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** @param lastEventId the version the client says it has, or -1 */
    SeatStreamSubscriber(SseEmitter emitter, long lastEventId, Executor writers, int backlogMax) {
        this.emitter = emitter;
        this.lastEventId = lastEventId;
        this.writers = writers;
        this.backlogMax = backlogMax;
    }

    long lastEventId() {
        return lastEventId;
    }

    void offer(Frame frame) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > backlogMax) {
            close();
            return;
        }
        frames.add(frame);
        scheduleWrite();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            emitter.complete();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void scheduleWrite() {
        if (writing.compareAndSet(false, true)) {
            writers.execute(this::write);
        }
    }

    private void write() {
        try {
            Frame frame;
            while (!closed.get() && (frame = frames.poll()) != null) {
                queued.decrementAndGet();
                emitter.send(frame.event());
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away (or the stream already ended): its completion callback removes it.
            close();
        } finally {
            writing.set(false);
            if (!closed.get() && !frames.isEmpty()) {
                scheduleWrite();
            }
        }
    }
}
