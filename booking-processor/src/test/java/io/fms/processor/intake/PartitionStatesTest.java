package io.fms.processor.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.allocation.SeatLayout;
import io.fms.allocation.TripInventory;
import io.fms.events.TripSummary;
import io.fms.processor.ProcessorProperties;
import io.fms.processor.decision.TripState;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PartitionStatesTest {

    @Test
    void aPartitionForgetsItsLeastRecentlyUsedTripPastTheLimit() {
        PartitionStates.State state = new PartitionStates(properties(2)).create(42L);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();
        state.trips.put(first, trip(first));
        state.trips.put(second, trip(second));
        state.staleAvailability.add(second);
        state.trips.get(first);

        state.trips.put(third, trip(third));

        assertThat(state.trips).containsOnlyKeys(first, third);
        assertThat(state.staleAvailability).isEmpty();
        assertThat(state.storedNextOffset).isEqualTo(42L);
    }

    private static ProcessorProperties properties(int tripsPerPartitionMax) {
        return new ProcessorProperties(2, 500, 5000, 5000, 10000, 500, 200, 30000, tripsPerPartitionMax);
    }

    private static TripState trip(UUID tripId) {
        Instant departure = Instant.parse("2099-01-01T00:00:00Z");
        return new TripState(
                new TripSummary(tripId, "FM1", "LHR", "JFK", departure),
                new TripInventory(tripId, new SeatLayout(1, "A"), departure));
    }
}
