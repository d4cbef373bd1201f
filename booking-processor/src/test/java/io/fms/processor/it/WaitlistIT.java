package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.allocation.SeatLayout;
import io.fms.allocation.SeatRequest;
import io.fms.allocation.TripInventory;
import io.fms.allocation.WaitlistLimits;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingConfirmationRequested;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Hold;
import io.fms.events.Passenger;
import io.fms.events.Waitlist;
import io.fms.processor.TestCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The waitlist through the real processor, and a burst of holds in front of one. */
class WaitlistIT extends ProcessorITBase {

    @Test
    void cancellationsSeatTheEarliestPartyThatFitsAndAFamilyAtTheHeadWithinThreePassOvers() {
        UUID tripId = createTrip(1, "ABCD", FAR_FUTURE);
        TripInventory model = new TripInventory(
                tripId,
                new SeatLayout(1, "ABCD"),
                FAR_FUTURE,
                new WaitlistLimits(Waitlist.PARTIES_MAX, Waitlist.PASS_OVERS_MAX));
        List<BookingRequested> seated = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seated.add(party(tripId, 1, false));
        }
        BookingRequested family = party(tripId, 4, true);
        List<BookingRequested> singles =
                IntStream.range(0, 5).mapToObj(i -> party(tripId, 1, true)).toList();
        List<BookingRequested> requests = new ArrayList<>(seated);
        requests.add(family);
        requests.addAll(singles);
        for (BookingRequested request : requests) {
            RecordMetadata sent = send(request);
            model.book(
                    new SeatRequest(
                            request.bookingId(),
                            request.passengers().size(),
                            List.of(),
                            null,
                            request.waitlist(),
                            sent.offset()),
                    Instant.now(),
                    new ArrayList<>());
        }
        eventually().until(() -> status(singles.getLast()) == BookingStatus.WAITLISTED);
        assertThat(status(family)).isEqualTo(BookingStatus.WAITLISTED);

        // Seven cancellations one after another: three singles go ahead of the family, then seats are kept for it.
        List<BookingRequested> cancelled = new ArrayList<>(seated);
        cancelled.addAll(singles.subList(0, 3));
        for (BookingRequested leaving : cancelled) {
            send(new BookingCancellationRequested(leaving.bookingId(), tripId, Instant.now()));
            model.cancel(leaving.bookingId(), Instant.now());
            eventually().until(() -> status(leaving) == BookingStatus.CANCELLED);
        }
        eventually().until(() -> status(family) == BookingStatus.CONFIRMED);
        assertThat(view(family.bookingId()).seats()).containsExactly("1A", "1B", "1C", "1D");
        assertThat(bookingRow(family.bookingId()).get("waitlist_pass_overs")).isEqualTo(3);
        assertThat(model.seatsOf(family.bookingId())).containsExactly("1A", "1B", "1C", "1D");
        // The final state agrees with the allocator's own model run on the same commands.
        for (BookingRequested request : requests) {
            BookingStatus status = status(request);
            if (model.holds(request.bookingId())) {
                assertThat(status).as(request.bookingId().toString()).isEqualTo(BookingStatus.CONFIRMED);
            } else if (model.waitlistPosition(request.bookingId()).isPresent()) {
                assertThat(status).as(request.bookingId().toString()).isEqualTo(BookingStatus.WAITLISTED);
            } else {
                assertThat(status).as(request.bookingId().toString()).isEqualTo(BookingStatus.CANCELLED);
            }
        }
        assertThat(singles.subList(3, 5).stream().map(this::status)).containsOnly(BookingStatus.WAITLISTED);
    }

    @Test
    void aBurstOfHoldsHalfPaidHalfExpiredSeatsTheWaitlistAndNeverSellsASeatTwice() {
        UUID tripId = createTrip(30, "ABCDEF", FAR_FUTURE);
        List<BookingRequested> holds =
                IntStream.range(0, 1000).mapToObj(i -> held(tripId)).toList();
        List<BookingRequested> waiting =
                IntStream.range(0, 1000).mapToObj(i -> party(tripId, 1, true)).toList();
        holds.forEach(ProcessorITBase::send);
        waiting.forEach(ProcessorITBase::send);
        eventually().until(() -> status(waiting.getLast()) != null);
        List<BookingRequested> held = holds.stream()
                .filter(request -> status(request) == BookingStatus.HELD)
                .toList();
        assertThat(held).hasSize(180);
        assertThat(waiting.stream().map(this::status)).containsOnly(BookingStatus.WAITLISTED);
        assertNoSeatSoldTwice(tripId);

        List<BookingRequested> paid = held.subList(0, 90);
        paid.forEach(request -> send(new BookingConfirmationRequested(
                request.bookingId(), tripId, "psp-" + request.bookingId(), Instant.now())));
        // While the holds run out, sampled: never a seat in two live bookings.
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertNoSeatSoldTwice(tripId);
                    return held.subList(90, 180).stream().allMatch(request -> status(request) == BookingStatus.EXPIRED);
                });
        eventually()
                .until(() -> waiting.subList(0, 90).stream()
                        .allMatch(request -> status(request) == BookingStatus.CONFIRMED));
        assertThat(paid.stream().map(this::status)).containsOnly(BookingStatus.CONFIRMED);
        assertThat(waiting.subList(90, 1000).stream().map(this::status)).containsOnly(BookingStatus.WAITLISTED);
        // Every seat is booked by a confirmed booking: none is free while parties that fit wait.
        Integer confirmedSeats = truth.queryForObject("""
                select count(*) from booking.booking_seats s join booking.bookings b on b.id = s.booking_id
                 where s.trip_id = ? and s.released_at is null and b.status = 'CONFIRMED'
                """, Integer.class, tripId);
        assertThat(confirmedSeats).isEqualTo(180);
        assertNoSeatSoldTwice(tripId);
    }

    private static void assertNoSeatSoldTwice(UUID tripId) {
        List<Map<String, Object>> twice = truth.queryForList("""
                select seat from booking.booking_seats where trip_id = ? and released_at is null
                 group by seat having count(*) > 1
                """, tripId);
        assertThat(twice).isEmpty();
        assertThat(liveSeats(tripId).size()).isLessThanOrEqualTo(180);
    }

    private static BookingRequested party(UUID tripId, int size, boolean waitlist) {
        List<Passenger> passengers = IntStream.range(0, size)
                .mapToObj(i -> new Passenger("Traveller " + i))
                .toList();
        TestCommands.Request request = TestCommands.on(tripId).passengers(passengers);
        return (waitlist ? request.waitlist() : request).build();
    }

    private static BookingRequested held(UUID tripId) {
        return TestCommands.on(tripId)
                .passenger("Holder")
                .hold(Hold.SECONDS_MIN)
                .build();
    }

    private BookingStatus status(BookingRequested request) {
        BookingView view = view(request.bookingId());
        return view == null ? null : view.status();
    }
}
