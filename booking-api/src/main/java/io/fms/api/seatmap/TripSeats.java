package io.fms.api.seatmap;

import io.fms.events.SeatsChanged;
import io.fms.events.SeatsChanged.SeatChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One followed trip on this instance: its seats as of {@link #version}, the changes that arrived since the last
 * event went out, the latest events (for clients that reconnect) and its subscribers. Touched only by the fan-out
 * thread, so it needs no locks.
 *
 * <p>Every change carries a seat's status after its batch, and a change of a version this map already has is
 * dropped: it is in the map already (a reload from Postgres at version {@code V} holds every change {@code <= V}).
 * So applying a merged event to a map of any version within the event's range gives the map of the event's version,
 * which is why a client may resume from any version this instance still has events after.
 */
final class TripSeats {

    /** What the stream's events carry; also what a test reads back. */
    record Snapshot(long version, List<SeatChange> seats) {}

    record Changes(long version, List<SeatChange> changes) {}

    /** An event sent: the changes that take a map from {@code from} to {@code to}. */
    private record Sent(long from, long to, Frame frame) {}

    private final UUID tripId;
    private final int historyMax;
    private final Function<Object, String> json;
    private final Set<SeatStreamSubscriber> subscribers = new LinkedHashSet<>();
    private final List<SeatStreamSubscriber> waiting = new ArrayList<>();
    private final List<SeatsChanged> arrivedWhileLoading = new ArrayList<>();
    private final Deque<Sent> history = new ArrayDeque<>();
    private final Map<String, String> pending = new LinkedHashMap<>();

    private Map<String, String> seats;
    private long version = -1;
    private long pendingVersion = -1;
    private long coveredFrom = -1;
    private boolean loading;
    private boolean reloading;
    private boolean overflowedWhileLoading;

    TripSeats(UUID tripId, int historyMax, Function<Object, String> json) {
        this.tripId = tripId;
        this.historyMax = historyMax;
        this.json = json;
    }

    UUID tripId() {
        return tripId;
    }

    boolean loaded() {
        return seats != null;
    }

    long version() {
        return version;
    }

    boolean isEmpty() {
        return subscribers.isEmpty() && waiting.isEmpty();
    }

    Set<SeatStreamSubscriber> subscribers() {
        return subscribers;
    }

    List<SeatStreamSubscriber> waiting() {
        return waiting;
    }

    /** Whether the caller should start loading: the first subscriber of an unloaded trip. */
    boolean subscribe(SeatStreamSubscriber subscriber) {
        if (loaded()) {
            subscribers.add(subscriber);
            greet(subscriber);
            return false;
        }
        waiting.add(subscriber);
        if (loading) {
            return false;
        }
        loading = true;
        return true;
    }

    void unsubscribe(SeatStreamSubscriber subscriber) {
        subscribers.remove(subscriber);
        waiting.remove(subscriber);
    }

    /** The first load failed: the waiting subscribers are closed; a later subscriber tries again. */
    void loadFailed() {
        loading = false;
        arrivedWhileLoading.clear();
        waiting.forEach(SeatStreamSubscriber::close);
        waiting.clear();
    }

    /** The first load, then every change that arrived meanwhile, then a greeting for each waiting subscriber. */
    void loaded(VersionedSeats loaded) {
        loading = false;
        seats = new LinkedHashMap<>(loaded.seats());
        version = loaded.version();
        coveredFrom = version;
        if (overflowedWhileLoading) {
            // Too many changes came in during the load to keep: the next comparison with Postgres repairs them.
            overflowedWhileLoading = false;
        } else {
            arrivedWhileLoading.forEach(this::apply);
        }
        arrivedWhileLoading.clear();
        subscribers.addAll(waiting);
        waiting.forEach(this::greet);
        waiting.clear();
    }

    /** A delta from the processor; merged into the next event. */
    void apply(SeatsChanged delta) {
        if (!loaded()) {
            if (loading && arrivedWhileLoading.size() < historyMax) {
                arrivedWhileLoading.add(delta);
            } else if (loading) {
                overflowedWhileLoading = true;
            }
            return;
        }
        if (delta.version() <= Math.max(version, pendingVersion)) {
            return;
        }
        delta.changes().forEach(change -> pending.put(change.seat(), change.status()));
        pendingVersion = delta.version();
    }

    /** Sends what is pending as one event, if anything changed. */
    void flush() {
        if (!loaded() || pendingVersion <= version) {
            return;
        }
        List<SeatChange> changes = new ArrayList<>();
        pending.forEach((seat, status) -> {
            if (!status.equals(seats.get(seat))) {
                changes.add(new SeatChange(seat, status));
            }
        });
        long to = pendingVersion;
        pending.clear();
        publish(changes, to);
    }

    /** Whether a comparison with Postgres may start: loaded, and none in flight. */
    boolean startReload() {
        if (!loaded() || reloading) {
            return false;
        }
        reloading = true;
        return true;
    }

    /**
     * A fresh read from Postgres: what differs from this map is sent as an event of the read's version. A read
     * older than what this map has already seen says nothing new and is left for the next round.
     *
     * @return the number of seats corrected
     */
    int reloaded(VersionedSeats fresh) {
        reloading = false;
        if (fresh == null || fresh.version() < Math.max(version, pendingVersion)) {
            return 0;
        }
        // Whatever is pending is of a version <= the read's, so the read holds it.
        pending.clear();
        List<SeatChange> changes = new ArrayList<>();
        fresh.seats().forEach((seat, status) -> {
            if (!status.equals(seats.get(seat))) {
                changes.add(new SeatChange(seat, status));
            }
        });
        int corrected = changes.size();
        publish(changes, fresh.version());
        return corrected;
    }

    void reloadFailed() {
        reloading = false;
    }

    private void publish(List<SeatChange> changes, long to) {
        long from = version;
        if (changes.isEmpty()) {
            // Nothing to tell; events sent so far still take a client to this map.
            version = to;
            if (history.isEmpty()) {
                coveredFrom = to;
            }
            return;
        }
        changes.forEach(change -> seats.put(change.seat(), change.status()));
        version = to;
        Frame frame = new Frame(Frame.SEATS, to, json.apply(new Changes(to, changes)), 0);
        history.addLast(new Sent(from, to, frame));
        while (history.size() > historyMax) {
            coveredFrom = history.removeFirst().to();
        }
        subscribers.forEach(subscriber -> subscriber.offer(frame));
    }

    /** A new subscriber gets the events after its Last-Event-ID if this trip still has them all, else a snapshot. */
    private void greet(SeatStreamSubscriber subscriber) {
        long last = subscriber.lastEventId();
        if (last >= 0 && last >= coveredFrom && last <= version) {
            for (Sent sent : history) {
                if (sent.to() > last) {
                    subscriber.offer(sent.frame());
                }
            }
            return;
        }
        List<SeatChange> all = new ArrayList<>(seats.size());
        seats.forEach((seat, status) -> all.add(new SeatChange(seat, status)));
        subscriber.offer(new Frame(Frame.SNAPSHOT, version, json.apply(new Snapshot(version, all)), 0));
    }

    @Override
    public String toString() {
        return "TripSeats[" + tripId + " v" + version + ", " + subscribers.size() + " subscriber(s)]";
    }
}
