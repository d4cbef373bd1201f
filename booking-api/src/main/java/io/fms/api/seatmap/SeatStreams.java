package io.fms.api.seatmap;

import io.fms.api.web.ProblemException;
import io.fms.events.SeatsChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live seat maps this instance serves. One fan-out thread owns every followed trip ({@link TripSeats}): it
 * takes the processor's deltas, merges each trip's into one event per {@code coalesceMs}, sends comments to idle
 * streams and compares followed trips with Postgres now and then. Loads from Postgres run on short-lived virtual
 * threads, a few at a time, and hand their result back to the fan-out thread; writes to clients run on writer tasks
 * only while something waits to be written. A trip is followed while someone watches it, and forgotten after.
 */
@Component
class SeatStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SeatStreams.class);

    /** Postgres reads at once for streams; the pool serves intake and status reads too. */
    static final int LOADS_IN_FLIGHT_MAX = 4;

    /** How long a client waits before reconnecting after the stream ends. */
    static final long RECONNECT_MS = 1_000;

    private final SeatStreamSettings settings;
    private final SeatMapSnapshots snapshots;
    private final JsonMapper json;
    private final ScheduledExecutorService fanOut;
    private final ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore loads = new Semaphore(LOADS_IN_FLIGHT_MAX);
    private final Map<UUID, TripSeats> trips = new HashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger followed = new AtomicInteger();
    private final Counter refused;
    private final Counter corrected;

    SeatStreams(SeatStreamSettings settings, SeatMapSnapshots snapshots, JsonMapper json, MeterRegistry registry) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.json = json;
        this.fanOut = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "seat-stream-fan-out");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("fms.api.seat.streams.open", open, AtomicInteger::get)
                .description("Seat map streams open on this instance")
                .register(registry);
        Gauge.builder("fms.api.seat.streams.trips", followed, AtomicInteger::get)
                .description("Trips whose seat maps this instance follows for its streams")
                .register(registry);
        this.refused = Counter.builder("fms.api.seat.streams.refused")
                .description("Seat map streams refused because fms.seat-stream.streams-max were open")
                .register(registry);
        this.corrected = Counter.builder("fms.api.seat.streams.corrected")
                .description("Seats a comparison with Postgres corrected (a change the stream had missed)")
                .register(registry);
        fanOut.scheduleWithFixedDelay(
                guarded("flush", this::flushAll), settings.coalesceMs(), settings.coalesceMs(), TimeUnit.MILLISECONDS);
        fanOut.scheduleWithFixedDelay(
                guarded("heartbeat", this::heartbeat),
                settings.heartbeatMs(),
                settings.heartbeatMs(),
                TimeUnit.MILLISECONDS);
        fanOut.scheduleWithFixedDelay(
                guarded("resync", this::reloadAll),
                settings.resyncIntervalMs(),
                settings.resyncIntervalMs(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the trip's seats; 503 when {@code streams-max} are open.
     *
     * @param lastEventId the version the client has, or -1
     */
    SseEmitter open(UUID tripId, long lastEventId) {
        if (open.incrementAndGet() > settings.streamsMax()) {
            open.decrementAndGet();
            refused.increment();
            throw ProblemException.unavailable(
                    "seat-streams",
                    "This instance serves its most seat map streams (" + settings.streamsMax() + "); retry shortly",
                    null);
        }
        SseEmitter emitter = new SseEmitter(settings.streamDurationMaxMs());
        SeatStreamSubscriber subscriber =
                new SeatStreamSubscriber(emitter, lastEventId, tasks, settings.backlogEventsMax());
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable closed = () -> {
            if (counted.compareAndSet(true, false)) {
                open.decrementAndGet();
                onFanOut(() -> unsubscribe(tripId, subscriber));
            }
        };
        emitter.onCompletion(closed);
        emitter.onError(error -> closed.run());
        // The stream ends after its longest duration; the client reconnects with Last-Event-ID.
        emitter.onTimeout(subscriber::close);
        subscriber.offer(Frame.hello(RECONNECT_MS));
        onFanOut(() -> subscribe(tripId, subscriber));
        return emitter;
    }

    /** A delta from the processor, from the feed's thread. */
    void accept(SeatsChanged delta) {
        onFanOut(() -> {
            TripSeats trip = trips.get(delta.tripId());
            if (trip != null) {
                trip.apply(delta);
            }
        });
    }

    private void subscribe(UUID tripId, SeatStreamSubscriber subscriber) {
        if (subscriber.isClosed()) {
            return;
        }
        TripSeats trip = trips.computeIfAbsent(tripId, id -> {
            followed.incrementAndGet();
            return new TripSeats(id, settings.historyEventsMax(), json::writeValueAsString);
        });
        if (trip.subscribe(subscriber)) {
            load(trip, false);
        }
    }

    private void unsubscribe(UUID tripId, SeatStreamSubscriber subscriber) {
        TripSeats trip = trips.get(tripId);
        if (trip == null) {
            return;
        }
        trip.unsubscribe(subscriber);
        if (trip.isEmpty()) {
            trips.remove(tripId);
            followed.decrementAndGet();
        }
    }

    private void load(TripSeats trip, boolean reload) {
        tasks.execute(() -> {
            VersionedSeats seats = null;
            RuntimeException failure = null;
            try {
                loads.acquire();
                try {
                    seats = snapshots.load(trip.tripId());
                } finally {
                    loads.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted");
            } catch (RuntimeException e) {
                failure = e;
            }
            VersionedSeats loaded = seats;
            RuntimeException failed = failure;
            onFanOut(() -> {
                if (trips.get(trip.tripId()) != trip) {
                    return;
                }
                if (failed != null) {
                    log.warn("seat map of trip {} not loaded for its streams: {}", trip.tripId(), failed.toString());
                    if (reload) {
                        trip.reloadFailed();
                    } else {
                        trip.loadFailed();
                        trips.remove(trip.tripId());
                        followed.decrementAndGet();
                    }
                } else if (reload) {
                    int seatsCorrected = trip.reloaded(loaded);
                    if (seatsCorrected > 0) {
                        corrected.increment(seatsCorrected);
                        log.info(
                                "seat stream of trip {} corrected {} seat(s) from Postgres at version {}",
                                trip.tripId(),
                                seatsCorrected,
                                loaded.version());
                    }
                } else {
                    trip.loaded(loaded);
                }
            });
        });
    }

    private void flushAll() {
        trips.values().forEach(TripSeats::flush);
    }

    private void heartbeat() {
        Frame comment = Frame.heartbeat();
        for (TripSeats trip : trips.values()) {
            trip.subscribers().forEach(subscriber -> subscriber.offer(comment));
            trip.waiting().forEach(subscriber -> subscriber.offer(comment));
        }
    }

    private void reloadAll() {
        List<TripSeats> due = new ArrayList<>();
        for (TripSeats trip : trips.values()) {
            if (trip.startReload()) {
                due.add(trip);
            }
        }
        due.forEach(trip -> load(trip, true));
    }

    /** Runs on the fan-out thread; once the application is shutting down, streams closing need nothing done. */
    private void onFanOut(Runnable task) {
        try {
            fanOut.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("seat streams stopped; {} not run", task);
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: log and carry on.
                log.error("seat stream {} failed", what, e);
            }
        };
    }

    @Override
    public void destroy() {
        fanOut.shutdownNow();
        tasks.shutdownNow();
    }
}
