package io.fms.processor.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import io.fms.events.BookingRejected;
import io.fms.events.BookingWaitlisted;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.SeatsChanged;
import io.fms.events.SeatsChanged.SeatChange;
import io.fms.events.TripSummary;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class SeatChangesTest {

    private static final Instant NOW = Instant.parse("2031-06-01T09:00:00Z");
    private static final UUID TRIP = UUID.randomUUID();
    private static final UUID OTHER_TRIP = UUID.randomUUID();
    private static final List<Passenger> ADA = List.of(new Passenger("Ada Lovelace"));

    @Test
    void theLastEventToTouchASeatNamesItsStatusAndEachTripGetsOneDelta() {
        UUID first = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        List<PartitionEvent> events = List.of(
                on(3, confirmed(first, TRIP, "1A", "1B")),
                on(5, confirmed(UUID.randomUUID(), OTHER_TRIP, "3C")),
                on(3, cancelled(first, TRIP, "1A", "1B")),
                on(3, confirmed(UUID.randomUUID(), TRIP, "1B")),
                on(
                        3,
                        new BookingHeld(
                                UUID.randomUUID(), held, 1, trip(TRIP), ADA, List.of("2A"), NOW, null, null, NOW)),
                on(
                        5,
                        new BookingHeld(
                                UUID.randomUUID(),
                                held,
                                1,
                                trip(OTHER_TRIP),
                                ADA,
                                List.of("4D"),
                                NOW,
                                null,
                                null,
                                NOW)),
                on(
                        5,
                        new BookingExpired(
                                UUID.randomUUID(), held, 2, trip(OTHER_TRIP), ADA, List.of("4D"), null, null, NOW)),
                on(
                        3,
                        new BookingWaitlisted(
                                UUID.randomUUID(), UUID.randomUUID(), 1, trip(TRIP), ADA, 1, null, null, NOW)),
                on(3, rejected(TRIP)));

        List<SeatsChanged> deltas = SeatChanges.of(events, Map.of(3, 41L, 5, 7L));

        assertThat(deltas).hasSize(2);
        assertThat(deltas.get(0).tripId()).isEqualTo(TRIP);
        assertThat(deltas.get(0).version()).isEqualTo(42L);
        assertThat(deltas.get(0).changes())
                .containsExactly(
                        new SeatChange("1A", "AVAILABLE"),
                        new SeatChange("1B", "BOOKED"),
                        new SeatChange("2A", "HELD"));
        assertThat(deltas.get(1).tripId()).isEqualTo(OTHER_TRIP);
        assertThat(deltas.get(1).version()).isEqualTo(8L);
        assertThat(deltas.get(1).changes())
                .containsExactly(new SeatChange("3C", "BOOKED"), new SeatChange("4D", "AVAILABLE"));
    }

    @Test
    void aTripWhoseCommandsChangedNoSeatGetsNoDelta() {
        assertThat(SeatChanges.of(List.of(on(3, rejected(TRIP))), Map.of(3, 3L)))
                .isEmpty();
    }

    @Test
    void theVersionIsOnePastThePartitionsLastOffsetInTheBatch() {
        Map<Integer, Long> last = SeatChanges.lastOffsets(List.of(
                new ConsumerRecord<>("fms.booking.commands", 3, 10, TRIP.toString(), new byte[0]),
                new ConsumerRecord<>("fms.booking.commands", 5, 11, OTHER_TRIP.toString(), new byte[0]),
                new ConsumerRecord<>("fms.booking.commands", 3, 12, "not-a-trip", new byte[0])));
        assertThat(last).isEqualTo(Map.of(3, 12L, 5, 11L));
    }

    @Test
    void eventsOfAPartitionWithoutARecordInTheBatchAreABug() {
        assertThatThrownBy(() -> SeatChanges.of(List.of(on(3, confirmed(UUID.randomUUID(), TRIP, "1A"))), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(TRIP.toString());
    }

    private static PartitionEvent on(int partition, BookingEvent event) {
        return new PartitionEvent(partition, event, null);
    }

    private static TripSummary trip(UUID tripId) {
        return new TripSummary(tripId, "FM101", "LHR", "JFK", NOW.plusSeconds(86_400));
    }

    private static BookingConfirmed confirmed(UUID bookingId, UUID tripId, String... seats) {
        return new BookingConfirmed(
                UUID.randomUUID(), bookingId, 1, trip(tripId), ADA, List.of(seats), null, null, NOW, null);
    }

    private static BookingCancelled cancelled(UUID bookingId, UUID tripId, String... seats) {
        return new BookingCancelled(
                UUID.randomUUID(), bookingId, 2, trip(tripId), ADA, List.of(seats), null, null, NOW);
    }

    private static BookingRejected rejected(UUID tripId) {
        return new BookingRejected(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                trip(tripId),
                ADA,
                RejectionReason.SOLD_OUT,
                List.of(),
                null,
                null,
                NOW);
    }
}
