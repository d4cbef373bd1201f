package io.fms.processor.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.SeatsChanged;
import io.fms.events.SeatsChanged.SeatChange;
import io.fms.events.TripSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeatChangesTest {

    private static final Instant NOW = Instant.parse("2031-06-01T09:00:00Z");
    private static final UUID TRIP = UUID.randomUUID();
    private static final UUID OTHER_TRIP = UUID.randomUUID();

    @Test
    void theLastEventToTouchASeatNamesItsStatusAndEachTripGetsOneDelta() {
        UUID first = UUID.randomUUID();
        List<BookingEvent> events = List.of(
                confirmed(first, TRIP, "1A", "1B"),
                confirmed(UUID.randomUUID(), OTHER_TRIP, "3C"),
                cancelled(first, TRIP, "1A", "1B"),
                confirmed(UUID.randomUUID(), TRIP, "1B"),
                rejected(TRIP));

        List<SeatsChanged> deltas = SeatChanges.of(events, Map.of(TRIP, 41L, OTHER_TRIP, 7L));

        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).tripId()).isEqualTo(TRIP);
        assertThat(deltas.get(0).version()).isEqualTo(42L);
        assertThat(deltas.get(0).changes())
                .containsExactly(new SeatChange("1A", "AVAILABLE"), new SeatChange("1B", "BOOKED"));
        assertThat(deltas.get(1).tripId()).isEqualTo(OTHER_TRIP);
        assertThat(deltas.get(1).version()).isEqualTo(8L);
        assertThat(deltas.get(1).changes()).containsExactly(new SeatChange("3C", "BOOKED"));
    }

    @Test
    void aTripWhoseCommandsChangedNoSeatGetsNoDelta() {
        assertThat(SeatChanges.of(List.of(rejected(TRIP)), Map.of(TRIP, 3L))).isEmpty();
    }

    @Test
    void theVersionIsOnePastTheTripsLastOffsetAndIgnoresKeysThatAreNoTrip() {
        Map<UUID, Long> last = SeatChanges.lastOffsets(List.of(
                new SeatChanges.KeyedOffset(TRIP.toString(), 10),
                new SeatChanges.KeyedOffset(OTHER_TRIP.toString(), 11),
                new SeatChanges.KeyedOffset(TRIP.toString(), 12),
                new SeatChanges.KeyedOffset("not-a-trip", 13),
                new SeatChanges.KeyedOffset(null, 14)));

        assertThat(last).containsExactlyInAnyOrderEntriesOf(Map.of(TRIP, 12L, OTHER_TRIP, 11L));
    }

    @Test
    void eventsOfATripWithoutItsCommandAreABug() {
        assertThatThrownBy(() -> SeatChanges.of(List.of(confirmed(UUID.randomUUID(), TRIP, "1A")), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TripSummary trip(UUID tripId) {
        return new TripSummary(tripId, "FM101", "LHR", "JFK", NOW.plusSeconds(86_400));
    }

    private static BookingConfirmed confirmed(UUID bookingId, UUID tripId, String... seats) {
        return new BookingConfirmed(
                UUID.randomUUID(),
                bookingId,
                1,
                trip(tripId),
                List.of(new Passenger("Ada Lovelace")),
                List.of(seats),
                null,
                null,
                NOW);
    }

    private static BookingCancelled cancelled(UUID bookingId, UUID tripId, String... seats) {
        return new BookingCancelled(
                UUID.randomUUID(),
                bookingId,
                2,
                trip(tripId),
                List.of(new Passenger("Ada Lovelace")),
                List.of(seats),
                null,
                null,
                NOW);
    }

    private static BookingRejected rejected(UUID tripId) {
        return new BookingRejected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                trip(tripId),
                List.of(new Passenger("Ada Lovelace")),
                RejectionReason.SOLD_OUT,
                List.of(),
                null,
                null,
                NOW);
    }
}
