package io.fms.processor.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The deadlines of one command partition's trips (holds expiring, departures with parties waiting), and the trips that
 * have them. Time on a partition is the log's own: before each command, every trip whose next deadline is at or
 * before the command's log time is advanced to it, so a deadline is decided in log order, once, the same on a replay.
 * The clock keeps its trips in memory: a trip with timers must never be forgotten while they run.
 *
 * <p>Owned by the partition's consumer thread, like the trips.
 */
public final class PartitionClock {

    private record Deadline(Instant at, UUID tripId) {}

    private static final Comparator<Deadline> ORDER =
            Comparator.comparing(Deadline::at).thenComparing(Deadline::tripId);

    private final TreeSet<Deadline> deadlines = new TreeSet<>(ORDER);
    private final Map<UUID, Deadline> byTrip = new HashMap<>();
    private final Map<UUID, TripState> timedTrips = new HashMap<>();

    /** Takes the trip's next deadline as it stands now (after any change to the trip). */
    public void schedule(TripState trip) {
        UUID tripId = trip.inventory().tripId();
        Deadline previous = byTrip.remove(tripId);
        if (previous != null) {
            deadlines.remove(previous);
        }
        Optional<Instant> next = trip.inventory().nextDeadline();
        if (next.isPresent()) {
            Deadline deadline = new Deadline(next.get(), tripId);
            deadlines.add(deadline);
            byTrip.put(tripId, deadline);
        }
        if (trip.inventory().hasTimers()) {
            timedTrips.put(tripId, trip);
        } else {
            timedTrips.remove(tripId);
        }
    }

    /** The trips whose next deadline is at or before {@code now}, earliest first. */
    public List<TripState> due(Instant now) {
        List<TripState> due = new ArrayList<>();
        for (Deadline deadline : deadlines) {
            if (deadline.at().isAfter(now)) {
                break;
            }
            due.add(timedTrips.get(deadline.tripId()));
        }
        return due;
    }

    /** The earliest deadline and its trip, for the ticker that keeps a quiet partition's time moving. */
    public Optional<Due> next() {
        return deadlines.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new Due(deadlines.first().tripId(), deadlines.first().at()));
    }

    public record Due(UUID tripId, Instant at) {}

    /** A trip with timers, which the clock keeps in memory. */
    public TripState timedTrip(UUID tripId) {
        return timedTrips.get(tripId);
    }

    public int liveHolds() {
        return timedTrips.values().stream()
                .mapToInt(trip -> trip.inventory().liveHolds())
                .sum();
    }

    public int waitingParties() {
        return timedTrips.values().stream()
                .mapToInt(trip -> trip.inventory().waitlistSize())
                .sum();
    }
}
