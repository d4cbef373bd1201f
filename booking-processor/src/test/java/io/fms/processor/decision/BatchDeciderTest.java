package io.fms.processor.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fms.allocation.SeatLayout;
import io.fms.allocation.TripInventory;
import io.fms.allocation.WaitlistLimits;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCancelled;
import io.fms.events.BookingCommand;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingRejected;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import io.fms.events.Waitlist;
import io.fms.processor.TestCommands;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchDeciderTest {

    private static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
    private static final Instant DEPARTURE = Instant.parse("2030-02-01T08:00:00Z");
    private static final int PARTITION = 3;

    private static final WaitlistLimits LIMITS = new WaitlistLimits(Waitlist.PARTIES_MAX, Waitlist.PASS_OVERS_MAX);

    private final BatchDecider decider = new BatchDecider(UUID::randomUUID);
    private final PartitionClock clock = new PartitionClock();
    private final IntFunction<PartitionClock> clocks = partition -> clock;
    private long nextOffset;
    private final UUID tripId = UUID.randomUUID();
    private final TripState trip = trip(tripId, 2, "ABC", DEPARTURE);

    @Test
    void confirmsSideBySideAndSaysSoInAnEvent() {
        BookingRequested request = request(tripId, 2, List.of());

        BatchDecisions decisions = decide(List.of(request), Map.of());

        BookingRecord booking = decisions.decided().getFirst();
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.seats()).containsExactly("1A", "1B");
        assertThat(booking.requestedAt()).isEqualTo(request.requestedAt());
        assertThat(booking.decidedAt()).isEqualTo(NOW);
        assertThat(decisions.events()).singleElement().satisfies(event -> {
            assertThat(event.partition()).isEqualTo(PARTITION);
            BookingConfirmed confirmed = (BookingConfirmed) event.event();
            assertThat(confirmed.sequence()).isEqualTo(BatchDecider.DECISION_SEQUENCE);
            assertThat(confirmed.seats()).containsExactly("1A", "1B");
            assertThat(confirmed.trip()).isEqualTo(trip.summary());
            assertThat(confirmed.passengers()).isEqualTo(request.passengers());
            assertThat(confirmed.contactEmail()).isEqualTo(TestCommands.CONTACT_EMAIL);
            assertThat(confirmed.callbackUrl()).isEqualTo(TestCommands.CALLBACK_URL);
        });
        assertThat(decisions.readModel()).containsExactly(booking);
        assertThat(decisions.touchedTrips()).containsExactly(tripId);
        assertThat(trip.inventory().availableSeats()).isEqualTo(4);
    }

    @Test
    void rejectsWithEachReasonAndNamesTheSeatsAtFault() {
        BookingRequested first = request(tripId, 1, List.of("1A"));
        BookingRequested taken = request(tripId, 2, List.of("1A", "2C"));
        BookingRequested invalid = request(tripId, 1, List.of("9Z"));
        BookingRequested tooMany = request(tripId, 6, List.of());

        BatchDecisions decisions = decide(List.of(first, taken, invalid, tooMany), Map.of());

        assertThat(decisions.decided())
                .extracting(BookingRecord::status, BookingRecord::reason, BookingRecord::unavailableSeats)
                .containsExactly(
                        tuple(BookingStatus.CONFIRMED, null, List.of()),
                        tuple(BookingStatus.REJECTED, RejectionReason.SEAT_UNAVAILABLE, List.of("1A")),
                        tuple(BookingStatus.REJECTED, RejectionReason.INVALID_SEAT, List.of("9Z")),
                        tuple(BookingStatus.REJECTED, RejectionReason.SOLD_OUT, List.of()));
        BookingRejected rejected = (BookingRejected) decisions.events().get(1).event();
        assertThat(rejected.reason()).isEqualTo(RejectionReason.SEAT_UNAVAILABLE);
        assertThat(rejected.unavailableSeats()).containsExactly("1A");
        assertThat(rejected.sequence()).isEqualTo(BatchDecider.DECISION_SEQUENCE);
        assertThat(trip.inventory().availableSeats()).isEqualTo(5);
    }

    @Test
    void rejectsTripClosedOnceTheFlightHasDeparted() {
        UUID departedId = UUID.randomUUID();
        TripState departed = trip(departedId, 2, "AB", NOW.minusSeconds(1));

        BatchDecisions decisions = decider.decide(
                List.of(incoming(request(departedId, 1, List.of()), NOW)),
                Map.of(departedId, departed),
                Map.of(),
                clocks);

        assertThat(decisions.decided().getFirst().reason()).isEqualTo(RejectionReason.TRIP_CLOSED);
        assertThat(departed.availability(NOW).closed()).isTrue();
        assertThat(departed.availability(NOW).acceptsBookings()).isFalse();
    }

    @Test
    void rejectsTripClosedForATripTheCatalogDoesNotKnow() {
        UUID unknown = UUID.randomUUID();

        BatchDecisions decisions = decide(List.of(request(unknown, 1, List.of())), Map.of());

        assertThat(decisions.decided().getFirst().reason()).isEqualTo(RejectionReason.TRIP_CLOSED);
        BookingRejected event = (BookingRejected) decisions.events().getFirst().event();
        assertThat(event.trip()).isEqualTo(new TripSummary(unknown, null, null, null, null));
        assertThat(decisions.touchedTrips()).isEmpty();
    }

    @Test
    void decidesARetriedBookingIdOnceWithinABatchAndAcrossBatches() {
        BookingRequested request = request(tripId, 1, List.of());

        BatchDecisions first = decide(List.of(request, request), Map.of());

        assertThat(first.decided()).hasSize(1);
        assertThat(first.duplicates()).hasSize(1);
        assertThat(first.events()).hasSize(1);
        assertThat(first.readModel()).hasSize(1);

        BookingRecord recorded = first.decided().getFirst();
        BatchDecisions later = decide(List.of(request), Map.of(request.bookingId(), recorded));

        assertThat(later.decided()).isEmpty();
        assertThat(later.events()).isEmpty();
        assertThat(later.duplicates()).containsExactly(recorded);
        // The read-model entry is sent again: the API may have overwritten nothing, but it costs one SET.
        assertThat(later.readModel()).containsExactly(recorded);
        assertThat(trip.inventory().availableSeats()).isEqualTo(5);
    }

    @Test
    void aRejectedBookingIdStaysRejectedWhenRetried() {
        BookingRequested tooMany = request(tripId, 7, List.of());

        BatchDecisions decisions = decide(List.of(tooMany, tooMany), Map.of());

        assertThat(decisions.decided())
                .singleElement()
                .extracting(BookingRecord::reason)
                .isEqualTo(RejectionReason.SOLD_OUT);
        assertThat(decisions.duplicates()).hasSize(1);
    }

    @Test
    void cancellationFreesTheSeatsForTheNextBookingInTheSameBatch() {
        BookingRequested booking = request(tripId, 1, List.of("2B"));
        BookingRequested next = request(tripId, 1, List.of("2B"));

        BatchDecisions decisions = decide(List.of(booking, cancellation(booking), next), Map.of());

        // Decided and cancelled in one batch, the booking is written once, as it ends.
        assertThat(decisions.changed()).isEmpty();
        assertThat(decisions.decided())
                .extracting(BookingRecord::status)
                .containsExactly(BookingStatus.CANCELLED, BookingStatus.CONFIRMED);
        assertThat(decisions.decided().getFirst().cancelledAt()).isEqualTo(NOW);
        assertThat(decisions.decided().get(1).seats()).containsExactly("2B");
        BookingCancelled event = (BookingCancelled) decisions.events().get(1).event();
        assertThat(event.sequence()).isEqualTo(BatchDecider.DECISION_SEQUENCE + 1);
        assertThat(event.releasedSeats()).containsExactly("2B");
        assertThat(event.passengers()).isEqualTo(booking.passengers());
        assertThat(decisions.readModel())
                .extracting(BookingRecord::bookingId, BookingRecord::status)
                .containsExactly(
                        tuple(booking.bookingId(), BookingStatus.CANCELLED),
                        tuple(next.bookingId(), BookingStatus.CONFIRMED));
    }

    @Test
    void eachEventCarriesTheTraceOfTheCommandThatCausedIt() {
        String bookingTrace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String cancellationTrace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        BookingRequested booking = request(tripId, 1, List.of("2B"));
        BookingRequested untraced = request(tripId, 1, List.of());

        BatchDecisions decisions = decider.decide(
                List.of(
                        new IncomingCommand(PARTITION, nextOffset++, NOW, booking, bookingTrace),
                        new IncomingCommand(PARTITION, nextOffset++, NOW, cancellation(booking), cancellationTrace),
                        incoming(untraced, NOW)),
                Map.of(tripId, trip),
                Map.of(),
                clocks);

        assertThat(decisions.events())
                .extracting(event -> event.event().getClass().getSimpleName(), PartitionEvent::traceparent)
                .containsExactly(
                        tuple("BookingConfirmed", bookingTrace),
                        tuple("BookingCancelled", cancellationTrace),
                        tuple("BookingConfirmed", null));
    }

    @Test
    void cancelsABookingDecidedInAnEarlierBatchWithItsRecordedDetails() {
        BookingRequested booking = request(tripId, 2, List.of());
        BookingRecord recorded = decide(List.of(booking), Map.of()).decided().getFirst();

        BatchDecisions decisions = decide(List.of(cancellation(booking)), Map.of(booking.bookingId(), recorded));

        BookingCancelled event =
                (BookingCancelled) decisions.events().getFirst().event();
        assertThat(event.releasedSeats()).containsExactly("1A", "1B");
        assertThat(event.contactEmail()).isEqualTo(recorded.contactEmail());
        assertThat(trip.inventory().availableSeats()).isEqualTo(6);
    }

    @Test
    void aCancelledBookingShowsWhenItWasCancelled() {
        BookingRequested booking = request(tripId, 1, List.of());
        BookingRecord recorded = decide(List.of(booking), Map.of()).decided().getFirst();
        Instant later = NOW.plusSeconds(3600);

        BatchDecisions decisions = decider.decide(
                List.of(incoming(cancellation(booking), later)),
                Map.of(tripId, trip),
                Map.of(booking.bookingId(), recorded),
                clocks);

        var view = decisions.readModel().getFirst().toView();
        assertThat(view.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(view.decidedAt()).isEqualTo(later);
        assertThat(view.createdAt()).isEqualTo(booking.requestedAt());
        assertThat(view.seats()).containsExactly("1A");
    }

    @Test
    void cancellingWhatHoldsNothingChangesNothing() {
        BookingRequested rejected = request(tripId, 9, List.of());
        BookingRequested cancelledTwice = request(tripId, 1, List.of());
        BookingCancellationRequested unknown =
                new BookingCancellationRequested(UUID.randomUUID(), tripId, NOW.minusSeconds(1));
        BookingCancellationRequested unknownTrip =
                new BookingCancellationRequested(UUID.randomUUID(), UUID.randomUUID(), NOW.minusSeconds(1));

        BatchDecisions decisions = decide(
                List.of(
                        rejected,
                        cancellation(rejected),
                        cancelledTwice,
                        cancellation(cancelledTwice),
                        cancellation(cancelledTwice),
                        unknown,
                        unknownTrip),
                Map.of());

        assertThat(decisions.decided().stream().filter(b -> b.status() == BookingStatus.CANCELLED))
                .hasSize(1);
        assertThat(decisions.ignored())
                .extracting(BatchDecisions.IgnoredCommand::bookingId)
                .containsExactly(
                        rejected.bookingId(), cancelledTwice.bookingId(), unknown.bookingId(), unknownTrip.bookingId());
        assertThat(decisions.events()).hasSize(3);
        assertThat(trip.inventory().availableSeats()).isEqualTo(6);
    }

    @Test
    void refusesToCancelSeatsThatNoRecordedBookingHolds() {
        UUID ghost = UUID.randomUUID();
        trip.inventory().restore(ghost, List.of("1A"));

        assertThatThrownBy(() ->
                        decide(List.of(new BookingCancellationRequested(ghost, tripId, NOW.minusSeconds(1))), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ghost.toString());
    }

    @Test
    void neverSellsASeatTwiceWhenManyMoreAskThanThereAreSeats() {
        UUID smallTripId = UUID.randomUUID();
        TripState small = trip(smallTripId, 4, "ABCDE", DEPARTURE);
        List<BookingRequested> requests = IntStream.range(0, 300)
                .mapToObj(index -> request(smallTripId, 1, List.of()))
                .toList();

        BatchDecisions decisions = decider.decide(
                requests.stream().map(request -> incoming(request, NOW)).toList(),
                Map.of(smallTripId, small),
                Map.of(),
                clocks);

        List<String> sold = new ArrayList<>();
        decisions.decided().forEach(booking -> sold.addAll(booking.seats()));
        assertThat(sold).hasSize(20).doesNotHaveDuplicates();
        assertThat(decisions.decided()).hasSize(300);
        assertThat(decisions.decided().stream().filter(b -> b.reason() == RejectionReason.SOLD_OUT))
                .hasSize(280);
        Set<UUID> eventIds = new HashSet<>();
        decisions.events().forEach(event -> eventIds.add(event.event().eventId()));
        assertThat(eventIds).hasSize(300);
        assertThat(small.availability(NOW).acceptsBookings()).isFalse();
    }

    private IncomingCommand incoming(BookingCommand command, Instant loggedAt) {
        return new IncomingCommand(PARTITION, nextOffset++, loggedAt, command, null);
    }

    private BatchDecisions decide(List<? extends BookingCommand> commands, Map<UUID, BookingRecord> recorded) {
        return decider.decide(
                commands.stream().map(command -> incoming(command, NOW)).toList(),
                Map.of(tripId, trip),
                recorded,
                clocks);
    }

    private static TripState trip(UUID tripId, int rows, String columns, Instant departure) {
        return new TripState(
                new TripSummary(tripId, "FM101", "LHR", "JFK", departure),
                new TripInventory(tripId, new SeatLayout(rows, columns), departure, LIMITS));
    }

    private static BookingRequested request(UUID tripId, int passengers, List<String> seats) {
        return TestCommands.bookingRequest(tripId, passengers, seats, NOW.minusSeconds(5));
    }

    private static BookingCancellationRequested cancellation(BookingRequested booking) {
        return new BookingCancellationRequested(booking.bookingId(), booking.tripId(), NOW.minusSeconds(1));
    }
}
