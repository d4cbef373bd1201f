package io.fms.processor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.allocation.SeatLayout;
import io.fms.allocation.TripInventory;
import io.fms.allocation.WaitlistLimits;
import io.fms.events.Availability;
import io.fms.events.TripSummary;
import io.fms.processor.decision.TripState;
import io.fms.processor.store.OffsetAdvance;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PartitionStateTest {

    private static final TopicPartition PARTITION = new TopicPartition("fms.booking.commands", 3);
    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");

    @Test
    void aPartitionForgetsItsLeastRecentlyUsedTripPastTheLimit() {
        PartitionState state = new PartitionState(PARTITION, 42L, 2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        state.loaded(first, trip(first));
        state.loaded(second, trip(second));
        state.availabilityWritten();
        state.staleAvailabilities(Set.of(second), NOW);
        state.trip(first);

        state.loaded(third, trip(third));

        assertThat(state.tripIds()).containsOnly(first, third);
        // The forgotten trip's stale snapshot goes with it; only the trip just loaded is left to write.
        assertThat(state.staleTrips()).containsOnly(third);
        assertThat(state.storedNextOffset()).hasValue(42L);
    }

    @Test
    void aLoadedOrTouchedTripsAvailabilityIsStaleUntilWritten() {
        PartitionState state = new PartitionState(PARTITION, null, 10);
        UUID loaded = UUID.randomUUID();
        UUID touched = UUID.randomUUID();
        state.loaded(loaded, trip(loaded));
        state.loaded(touched, trip(touched));
        state.availabilityWritten();
        state.loaded(loaded, trip(loaded));

        assertThat(state.staleAvailabilities(Set.of(touched, UUID.randomUUID()), NOW))
                .extracting(Availability::tripId)
                .containsExactlyInAnyOrder(loaded, touched);
        assertThat(state.staleAvailabilities(Set.of(), NOW)).hasSize(2);

        state.availabilityWritten();

        assertThat(state.staleAvailabilities(Set.of(), NOW)).isEmpty();
    }

    @Test
    void recordsBelowTheStoredOffsetAreAlreadyDecided() {
        PartitionState fresh = new PartitionState(PARTITION, null, 10);
        PartitionState stored = new PartitionState(PARTITION, 42L, 10);

        assertThat(fresh.storedNextOffset()).isEmpty();
        assertThat(fresh.undecided(0)).isTrue();
        assertThat(stored.undecided(41)).isFalse();
        assertThat(stored.undecided(42)).isTrue();
    }

    @Test
    void theOffsetAdvancesFencedOnWhatWasStoredAndOnlyOnceCommitted() {
        PartitionState state = new PartitionState(PARTITION, 42L, 10);

        OffsetAdvance advance = state.advanceTo(50);

        assertThat(advance).isEqualTo(new OffsetAdvance(PARTITION.topic(), PARTITION.partition(), 42L, 50));
        assertThat(state.storedNextOffset()).hasValue(42L);
        state.advanced(advance);
        assertThat(state.storedNextOffset()).hasValue(50L);
        assertThat(state.undecided(49)).isFalse();
        assertThat(state.advanceTo(60).expectedNextOffset()).isEqualTo(50L);
        assertThatThrownBy(() -> state.advanceTo(49)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TripState trip(UUID tripId) {
        Instant departure = Instant.parse("2099-01-01T00:00:00Z");
        return new TripState(
                new TripSummary(tripId, "FM1", "LHR", "JFK", departure),
                new TripInventory(tripId, new SeatLayout(1, "A"), departure, new WaitlistLimits(1000, 3)));
    }
}
