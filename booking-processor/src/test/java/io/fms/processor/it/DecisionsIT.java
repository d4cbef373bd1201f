package io.fms.processor.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.Availability;
import io.fms.events.BookingCancellationRequested;
import io.fms.events.BookingCancelled;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.BookingRejected;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.events.RejectionReason;
import io.fms.processor.TestCommands;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionsIT extends ProcessorITBase {

    @Test
    void confirmationsAndEveryRejectionLandInPostgresOnTheEventsTopicAndInRedis() throws Exception {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        UUID departedTripId = createTrip(2, "AB", Instant.now().minusSeconds(60));
        BookingRequested pair = request(tripId, 2, List.of());
        BookingRequested taken = request(tripId, 1, List.of("1A"));
        BookingRequested invalid = request(tripId, 1, List.of("9Z"));
        BookingRequested tooMany = request(tripId, 3, List.of());
        BookingRequested departed = request(departedTripId, 1, List.of());
        BookingRequested unknownTrip = request(UUID.randomUUID(), 1, List.of());
        List<BookingRequested> requests = List.of(pair, taken, invalid, tooMany, departed, unknownTrip);

        requests.forEach(ProcessorITBase::send);

        eventually()
                .until(() -> requests.stream()
                        .allMatch(request ->
                                recorder().events(request.bookingId()).size() == 1
                                        && view(request.bookingId()) != null
                                        && view(request.bookingId()).status().isDecided()));

        Map<String, Object> confirmedRow = bookingRow(pair.bookingId());
        assertThat(confirmedRow.get("status")).isEqualTo("CONFIRMED");
        assertThat((String[]) ((Array) confirmedRow.get("seats")).getArray()).containsExactly("1A", "1B");
        assertThat(confirmedRow.get("contact_email")).isEqualTo("ada@example.com");
        assertThat(liveSeats(tripId)).containsExactly("1A", "1B");
        BookingConfirmed confirmed =
                (BookingConfirmed) recorder().events(pair.bookingId()).getFirst();
        assertThat(confirmed.seats()).containsExactly("1A", "1B");
        assertThat(confirmed.sequence()).isEqualTo(1);
        assertThat(confirmed.trip().flightNumber()).startsWith("FM");
        assertThat(confirmed.trip().origin()).isEqualTo("LHR");
        assertThat(confirmed.passengers()).isEqualTo(pair.passengers());
        assertThat(confirmed.callbackUrl()).isEqualTo(pair.callbackUrl());
        BookingView confirmedView = view(pair.bookingId());
        assertThat(confirmedView.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmedView.seats()).containsExactly("1A", "1B");
        assertThat(confirmedView.decidedAt()).isNotNull();
        assertThat(redis.getExpire(ReadModelKeys.booking(pair.bookingId()))).isPositive();

        assertRejected(taken, RejectionReason.SEAT_UNAVAILABLE, List.of("1A"));
        assertRejected(invalid, RejectionReason.INVALID_SEAT, List.of("9Z"));
        assertRejected(tooMany, RejectionReason.SOLD_OUT, List.of());
        assertRejected(departed, RejectionReason.TRIP_CLOSED, List.of());
        assertRejected(unknownTrip, RejectionReason.TRIP_CLOSED, List.of());

        Availability availability = availability(tripId);
        assertThat(availability.capacity()).isEqualTo(4);
        assertThat(availability.availableSeats()).isEqualTo(2);
        assertThat(availability(departedTripId).closed()).isTrue();
        assertThat(redis.hasKey(ReadModelKeys.availability(unknownTrip.tripId())))
                .isFalse();
    }

    @Test
    void textThatPostgresCopySyntaxWouldMisreadIsStoredAsSent() throws Exception {
        // Batches reach Postgres as COPY text: tabs, newlines, backslashes, quotes, braces, commas and \N must be
        // escaped there, in array literals and in JSON alike.
        String awkward = "Tab\there, line\nbreak\r, back\\slash \\N, \"quoted\", {braced}, NULL, é";
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        BookingRequested request = TestCommands.on(tripId)
                .passenger(awkward)
                .seats(List.of(awkward))
                .contact("a\\b\t@example.com", null)
                .build();

        send(request);

        eventually().until(() -> bookingRow(request.bookingId()) != null);
        Map<String, Object> row = bookingRow(request.bookingId());
        assertThat(row.get("reason")).isEqualTo("INVALID_SEAT");
        assertThat((String[]) ((Array) row.get("unavailable_seats")).getArray()).containsExactly(awkward);
        assertThat(BookingJson.readPlain(
                        row.get("passengers").toString().getBytes(StandardCharsets.UTF_8), Passenger[].class))
                .containsExactly(new Passenger(awkward));
        assertThat(row.get("contact_email")).isEqualTo("a\\b\t@example.com");
        assertThat(row.get("callback_url")).isNull();
        eventually().until(() -> recorder().events(request.bookingId()).size() == 1);
    }

    @Test
    void aCancellationFreesTheSeatAndTheNextBookingGetsIt() {
        UUID tripId = createTrip(1, "AB", FAR_FUTURE);
        BookingRequested first = request(tripId, 1, List.of("1A"));
        send(first);
        assertThat(decided(first.bookingId()).status()).isEqualTo(BookingStatus.CONFIRMED);

        send(new BookingCancellationRequested(first.bookingId(), tripId, Instant.now()));
        BookingRequested next = request(tripId, 1, List.of("1A"));
        send(next);

        assertThat(decided(next.bookingId()).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(view(next.bookingId()).seats()).containsExactly("1A");
        assertThat(view(first.bookingId()).status()).isEqualTo(BookingStatus.CANCELLED);
        Map<String, Object> cancelledRow = bookingRow(first.bookingId());
        assertThat(cancelledRow.get("status")).isEqualTo("CANCELLED");
        assertThat(cancelledRow.get("cancelled_at")).isNotNull();
        assertThat(truth.queryForObject(
                        "select count(*) from booking.booking_seats where booking_id = ? and released_at is not null",
                        Integer.class,
                        first.bookingId()))
                .isEqualTo(1);
        assertThat(liveSeats(tripId)).containsExactly("1A");
        eventually().until(() -> recorder().events(first.bookingId()).size() == 2);
        BookingCancelled cancelled =
                (BookingCancelled) recorder().events(first.bookingId()).get(1);
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(cancelled.releasedSeats()).containsExactly("1A");
        assertThat(cancelled.contactEmail()).isEqualTo(first.contactEmail());
        assertThat(availability(tripId).availableSeats()).isEqualTo(1);
    }

    @Test
    void cancellingABookingThatHoldsNothingChangesNothing() {
        UUID tripId = createTrip(1, "A", FAR_FUTURE);
        BookingRequested rejected = request(tripId, 2, List.of());
        send(rejected);
        send(new BookingCancellationRequested(rejected.bookingId(), tripId, Instant.now()));
        send(new BookingCancellationRequested(UUID.randomUUID(), tripId, Instant.now()));
        // Commands on one partition are decided in order: once this one is decided, the cancellations were too.
        BookingRequested after = request(tripId, 1, List.of());
        send(after);

        eventually().until(() -> recorder().events(after.bookingId()).size() == 1);
        assertThat(recorder().events(after.bookingId()).getFirst()).isInstanceOf(BookingConfirmed.class);
        assertThat(recorder().events(rejected.bookingId())).singleElement().isInstanceOf(BookingRejected.class);
        assertThat(bookingRow(rejected.bookingId()).get("status")).isEqualTo("REJECTED");
        assertThat(view(rejected.bookingId()).status()).isEqualTo(BookingStatus.REJECTED);
    }

    @Test
    void aRetriedBookingIdIsDecidedOnce() {
        UUID tripId = createTrip(2, "AB", FAR_FUTURE);
        BookingRequested request = request(tripId, 1, List.of());
        send(request);
        send(request);
        decided(request.bookingId());
        // Same partition, same order: once a later request is decided, both copies have been through.
        BookingRequested later = request(tripId, 1, List.of());
        send(request);
        send(later);

        eventually().until(() -> recorder().events(later.bookingId()).size() == 1);
        assertThat(recorder().events(request.bookingId())).hasSize(1);
        assertThat(decidedCount(List.of(request.bookingId()))).isEqualTo(1);
        assertThat(liveSeats(tripId)).containsExactly("1A", "1B");
        assertThat(((BookingConfirmed) recorder().events(later.bookingId()).getFirst()).seats())
                .containsExactly("1B");
    }

    private void assertRejected(BookingRequested request, RejectionReason reason, List<String> unavailableSeats)
            throws Exception {
        Map<String, Object> row = bookingRow(request.bookingId());
        assertThat(row.get("status")).isEqualTo("REJECTED");
        assertThat(row.get("reason")).isEqualTo(reason.name());
        assertThat((String[]) ((Array) row.get("unavailable_seats")).getArray())
                .containsExactlyElementsOf(unavailableSeats);
        List<BookingEvent> events = recorder().events(request.bookingId());
        assertThat(events).singleElement().isInstanceOfSatisfying(BookingRejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo(reason);
            assertThat(rejected.unavailableSeats()).containsExactlyElementsOf(unavailableSeats);
            assertThat(rejected.sequence()).isEqualTo(1);
            assertThat(rejected.trip().tripId()).isEqualTo(request.tripId());
        });
        BookingView view = view(request.bookingId());
        assertThat(view.status()).isEqualTo(BookingStatus.REJECTED);
        assertThat(view.reason()).isEqualTo(reason);
        assertThat(view.unavailableSeats()).containsExactlyElementsOf(unavailableSeats);
    }

    private Availability availability(UUID tripId) {
        String json = redis.opsForValue().get(ReadModelKeys.availability(tripId));
        assertThat(json).as("availability of %s", tripId).isNotNull();
        return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), Availability.class);
    }
}
