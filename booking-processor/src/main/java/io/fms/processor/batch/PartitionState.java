package io.fms.processor.batch;

import io.fms.events.Availability;
import io.fms.events.PartitionProgress;
import io.fms.processor.decision.PartitionClock;
import io.fms.processor.decision.TripState;
import io.fms.processor.store.OffsetAdvance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;

/**
 * One command partition as its consumer thread holds it: how far its decisions are stored, the trips it has met, and
 * which of their availability snapshots are still to be written. Only that thread touches it, so it needs no locks.
 *
 * <p>Trips are kept least-recently-used first and the oldest is forgotten past the limit: memory stays bounded
 * however many trips a partition sees, and a forgotten trip is simply loaded from Postgres again when next met, which
 * is only correct because its state there is committed whenever no batch is running.
 */
public final class PartitionState {

    private final TopicPartition partition;
    private final Map<UUID, TripState> trips;
    // The trips with deadlines, which stay here whatever the LRU forgets.
    private final PartitionClock clock = new PartitionClock();
    // For other threads (the ticker, gauges): what the clock says after the last batch.
    private volatile PartitionClock.Due nextDeadline;
    private volatile int liveHolds;
    private volatile int waitingParties;
    private final DecisionRate rate = new DecisionRate();
    // Trips whose availability snapshot is still to be written: first loaded, or a write that failed.
    private final Set<UUID> staleAvailability = new HashSet<>();
    // What consumer_offsets said when the state was loaded, then what this thread last committed; null while there
    // is no row.
    private Long storedNextOffset;

    PartitionState(TopicPartition partition, Long storedNextOffset, int tripsMax) {
        this.partition = partition;
        this.storedNextOffset = storedNextOffset;
        this.trips = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, TripState> eldest) {
                if (size() <= tripsMax) {
                    return false;
                }
                staleAvailability.remove(eldest.getKey());
                return true;
            }
        };
    }

    /** The first offset not yet decided, as far as Postgres says and this thread committed; empty before the first. */
    public OptionalLong storedNextOffset() {
        return storedNextOffset == null ? OptionalLong.empty() : OptionalLong.of(storedNextOffset);
    }

    /**
     * Whether the record at {@code offset} is still to be decided. Records below the stored offset were decided by a
     * batch whose commit this thread could not see (a retry after an ambiguous commit, a seek that failed on
     * assignment): deciding them again would repeat decisions.
     */
    boolean undecided(long offset) {
        return storedNextOffset == null || offset >= storedNextOffset;
    }

    /** The progress to commit with a batch, fenced on what this thread last knew to be stored. */
    OffsetAdvance advanceTo(long nextOffset) {
        return new OffsetAdvance(partition.topic(), partition.partition(), storedNextOffset, nextOffset);
    }

    /** The batch that made {@code advance} committed it. */
    void advanced(OffsetAdvance advance) {
        storedNextOffset = advance.nextOffset();
    }

    /** The trip, if this partition holds it. */
    TripState trip(UUID tripId) {
        TripState trip = trips.get(tripId);
        if (trip == null) {
            trip = clock.timedTrip(tripId);
            if (trip != null) {
                trips.put(tripId, trip);
            }
        }
        return trip;
    }

    /** A trip just loaded from Postgres. Its availability is published even if no batch changes anything there. */
    void loaded(UUID tripId, TripState trip) {
        trips.put(tripId, trip);
        clock.schedule(trip);
        staleAvailability.add(tripId);
    }

    PartitionClock clock() {
        return clock;
    }

    /** After a batch (or a load): publishes the clock's state to the threads that read it. */
    void publishTimers() {
        nextDeadline = clock.next().orElse(null);
        liveHolds = clock.liveHolds();
        waitingParties = clock.waitingParties();
    }

    /** The partition's earliest deadline after the last batch, if any; read by the ticker. */
    public PartitionClock.Due nextDeadline() {
        return nextDeadline;
    }

    public int liveHolds() {
        return liveHolds;
    }

    public int waitingParties() {
        return waitingParties;
    }

    public TopicPartition partition() {
        return partition;
    }

    /** Counts a batch's decisions and returns the partition's progress for the read model. */
    PartitionProgress progress(int decisions, Instant now) {
        return new PartitionProgress(
                partition.partition(),
                storedNextOffset == null ? 0 : storedNextOffset,
                rate.record(decisions, now),
                now);
    }

    /**
     * Marks the held trips among {@code touched} stale, and returns the availability of every stale trip: what the
     * read model is to receive after a commit.
     */
    List<Availability> staleAvailabilities(Collection<UUID> touched, Instant now) {
        touched.stream().filter(trips::containsKey).forEach(staleAvailability::add);
        List<Availability> availabilities = new ArrayList<>();
        for (UUID tripId : staleAvailability) {
            TripState trip = trips.get(tripId);
            if (trip != null) {
                availabilities.add(trip.availability(now));
            }
        }
        return availabilities;
    }

    /** The read model holds every stale trip's availability. */
    void availabilityWritten() {
        staleAvailability.clear();
    }

    Set<UUID> tripIds() {
        return Set.copyOf(trips.keySet());
    }

    Set<UUID> staleTrips() {
        return Set.copyOf(staleAvailability);
    }
}
