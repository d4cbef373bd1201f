package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.Booking;
import io.fms.e2e.FmsClient.BookingRequest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A client's day: book, follow the booking to its decision, read the seat map, cancel, book the seats again; hold
 * seats, pay and confirm; wait on a sold-out trip's waitlist until a cancellation seats the party. The README's
 * walk-through tells the same story.
 */
@Order(1)
@ExtendWith(FmsStack.class)
class WalkThroughIT {

    private static final Duration DECISION_BOUND = Duration.ofSeconds(60);

    @Test
    void bookFollowCancelAndBookTheSameSeatsAgain(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(10, "ABCDEF");
        assertThat(client.trip(tripId).path("availableSeats").asInt()).isEqualTo(60);
        List<String> seats = List.of("3A", "3B");

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Ada Lovelace", "Charles Babbage"), seats),
                UUID.randomUUID().toString());

        // The long-poll answers as soon as the decision is known; a first booking of a trip is decided in seconds.
        Booking confirmed = client.longPoll(bookingId, 30);
        assertThat(confirmed.status())
                .as("booking %s after a 30 s long-poll: %s%s", bookingId, confirmed, fms.logTails(FmsStack.PROCESSOR))
                .isEqualTo("CONFIRMED");
        assertThat(confirmed.bookingId()).isEqualTo(bookingId);
        assertThat(confirmed.tripId()).isEqualTo(tripId);
        assertThat(confirmed.seats()).containsExactlyInAnyOrderElementsOf(seats);
        assertThat(confirmed.reason()).isNull();
        assertThat(confirmed.decidedAt()).isNotBlank();
        assertThat(confirmed.passengers())
                .extracting(passenger -> passenger.get("name"))
                .containsExactly("Ada Lovelace", "Charles Babbage");

        Map<String, String> seatMap = client.seatMap(tripId);
        assertThat(seatMap).hasSize(60);
        assertThat(seatMap).containsEntry("3A", "BOOKED").containsEntry("3B", "BOOKED");
        assertThat(seatMap.values().stream().filter("BOOKED"::equals)).hasSize(2);
        // The count comes from the processor's snapshot, written after its batch committed: it may lag a moment.
        await("availableSeats 58")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                client.trip(tripId).path("availableSeats").asInt())
                        .isEqualTo(58));

        Answer cancel = client.cancel(bookingId);
        assertThat(cancel.status()).as("DELETE booking: %s", cancel).isEqualTo(202);
        Decisions.awaitStatus(fms, bookingId, "CANCELLED", DECISION_BOUND);
        await("seats 3A, 3B free again")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(client.seatMap(tripId))
                        .containsEntry("3A", "AVAILABLE")
                        .containsEntry("3B", "AVAILABLE"));

        String again = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Grace Hopper", "Alan Turing"), seats),
                UUID.randomUUID().toString());
        assertThat(again).isNotEqualTo(bookingId);
        Booking rebooked = client.longPoll(again, 30);
        assertThat(rebooked.status())
                .as("rebooking the cancelled seats: %s", rebooked)
                .isEqualTo("CONFIRMED");
        assertThat(rebooked.seats()).containsExactlyInAnyOrderElementsOf(seats);
        assertThat(client.seatMap(tripId)).containsEntry("3A", "BOOKED").containsEntry("3B", "BOOKED");
        // The cancelled booking stays readable and cancelled: a 202 is never 404 afterwards.
        assertThat(client.booking(bookingId).status()).isEqualTo("CANCELLED");
    }

    @Test
    void autoAssignedPartySitsSideBySideInOneRow(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(5, "ABCD");

        String bookingId = client.bookAccepted(
                BookingRequest.of(tripId, List.of("Ada", "Charles", "Grace"), null),
                UUID.randomUUID().toString());

        Booking booking = client.longPoll(bookingId, 30);
        assertThat(booking.status()).as("auto-assigned booking: %s", booking).isEqualTo("CONFIRMED");
        assertThat(booking.seats()).hasSize(3);
        assertThat(booking.seats().stream()
                        .map(seat -> seat.replaceAll("[A-Z]", ""))
                        .distinct())
                .as("one row for %s", booking.seats())
                .hasSize(1);
        assertThat(client.seatMap(tripId).entrySet().stream()
                        .filter(seat -> seat.getValue().equals("BOOKED"))
                        .map(Map.Entry::getKey))
                .containsExactlyInAnyOrderElementsOf(booking.seats());
    }

    @Test
    void badInputGetsAProblemAnswerAndChangesNothing(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(2, "AB");

        assertProblem(client.book(BookingRequest.of(tripId, List.of(), null), null), 400, "passengers");
        assertProblem(
                client.book(BookingRequest.of(tripId, List.of("Ada", "Charles"), List.of("1A")), null), 400, "seats");
        assertProblem(
                client.book(
                        BookingRequest.of(
                                tripId,
                                java.util.stream.IntStream.rangeClosed(1, 10)
                                        .mapToObj(i -> "Passenger " + i)
                                        .toList(),
                                null),
                        null),
                400,
                "passengers");
        assertProblem(client.book(BookingRequest.of(tripId, List.of("A".repeat(20_000)), null), null), 413, null);
        assertProblem(
                client.book(BookingRequest.of(UUID.randomUUID().toString(), List.of("Ada"), null), null), 404, null);
        assertProblem(
                client.book(
                        BookingRequest.of(tripId, List.of("Ada"), null)
                                .withContact("ada@example.com", "http://10.1.2.3/hook"),
                        null),
                400,
                "callbackUrl");
        assertProblem(
                client.send(HttpRequest.newBuilder(
                                fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tripId\": "))),
                400,
                null);
        assertProblem(
                client.send(HttpRequest.newBuilder(
                                fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("tripId=" + tripId))),
                415,
                null);
        assertProblem(client.getBooking(UUID.randomUUID().toString(), 0), 404, null);
        Answer unauthorised = client.send(
                HttpRequest.newBuilder(fms.service(FmsStack.API).baseUri().resolve("/api/v1/flights"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer not-the-key")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"flightNumber\":\"FM9\",\"origin\":\"LHR\",\"destination\":\"CDG\"}")));
        assertProblem(unauthorised, 401, null);

        // Nothing was queued. A trip's commands are decided in order, so once a good booking sent after the bad
        // ones is decided, anything they had queued would have a row too.
        String good = client.bookAccepted(BookingRequest.of(tripId, List.of("Ada"), List.of("2B")), null);
        assertThat(client.longPoll(good, 30).status()).isEqualTo("CONFIRMED");
        assertThat(new Ledger(fms).bookingIds(tripId))
                .as("booking rows of the trip")
                .containsExactly(good);
        assertThat(client.seatMap(tripId)).containsEntry("2B", "BOOKED");
        assertThat(client.seatMap(tripId).values().stream().filter("BOOKED"::equals))
                .hasSize(1);
    }

    @Test
    void holdPayAndConfirm(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(30, "ABCDEF");

        Answer accepted = client.send(post(fms, "/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "Grace Hopper"}], "seats": ["14C"],
                 "hold": {"seconds": 600}}""".formatted(tripId)));
        String bookingId = FmsClient.acceptedBookingId(accepted);
        assertThat(accepted.json().path("queue").path("position").isNumber())
                .as("queue place of %s", accepted)
                .isTrue();

        JsonNode held = read(fms, bookingId, "?waitSeconds=30");
        assertThat(held.path("status").asString())
                .as("held booking %s: %s%s", bookingId, held, fms.logTails(FmsStack.PROCESSOR))
                .isEqualTo("HELD");
        assertThat(held.path("seats").toString()).contains("14C");
        Instant deadline = Instant.parse(held.path("holdExpiresAt").asString());
        assertThat(deadline)
                .isBetween(Instant.now().plusSeconds(500), Instant.now().plusSeconds(610));
        assertThat(held.path("queue").isNull()).isTrue();
        assertThat(client.seatMap(tripId)).containsEntry("14C", "HELD");

        Answer confirmation = client.send(
                post(fms, "/api/v1/bookings/" + bookingId + "/confirmation", "{\"paymentReference\": \"psp_8842\"}"));
        assertThat(confirmation.status()).as("confirmation: %s", confirmation).isEqualTo(202);

        JsonNode paid = read(fms, bookingId, "?waitSeconds=30&while=HELD");
        assertThat(paid.path("status").asString()).as("paid booking: %s", paid).isEqualTo("CONFIRMED");
        assertThat(paid.path("paymentReference").asString()).isEqualTo("psp_8842");
        assertThat(Instant.parse(paid.path("holdExpiresAt").asString())).isEqualTo(deadline);
        assertThat(client.seatMap(tripId)).containsEntry("14C", "BOOKED");
        // Paying again with the same reference is harmless: the booking, nothing queued.
        Answer again = client.send(
                post(fms, "/api/v1/bookings/" + bookingId + "/confirmation", "{\"paymentReference\": \"psp_8842\"}"));
        assertThat(again.status()).as("repeated confirmation: %s", again).isEqualTo(200);
    }

    @Test
    void soldOutWaitlistedAndPromoted(RunningFms fms) {
        FmsClient client = fms.client();
        String tripId = client.createTrip(1, "AB");
        String first =
                client.bookAccepted(BookingRequest.of(tripId, List.of("Ada Lovelace", "Charles Babbage"), null), null);
        assertThat(client.longPoll(first, 30).status()).isEqualTo("CONFIRMED");

        String waiting = FmsClient.acceptedBookingId(client.send(post(fms, "/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "Alan Turing"}], "waitlist": true}""".formatted(tripId))));
        JsonNode waitlisted = read(fms, waiting, "?waitSeconds=30");
        assertThat(waitlisted.path("status").asString())
                .as("waiting party %s: %s%s", waiting, waitlisted, fms.logTails(FmsStack.PROCESSOR))
                .isEqualTo("WAITLISTED");
        assertThat(waitlisted.path("waitlistPosition").asInt()).isEqualTo(1);
        // The trip is full: a request that may not wait is turned away, at the door or by the processor.
        await("a request that may not wait is refused")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    Answer plain = client.book(BookingRequest.of(tripId, List.of("Eve"), null), null);
                    assertThat(plain.status()).as("%s", plain).isIn(202, 409);
                    if (plain.status() == 202) {
                        assertThat(client.longPoll(FmsClient.acceptedBookingId(plain), 30)
                                        .reason())
                                .isEqualTo("SOLD_OUT");
                    }
                });

        Answer cancel = client.cancel(first);
        assertThat(cancel.status()).as("DELETE booking: %s", cancel).isEqualTo(202);

        JsonNode promoted = read(fms, waiting, "?waitSeconds=30&while=WAITLISTED");
        assertThat(promoted.path("status").asString())
                .as("waiting party after the cancellation: %s", promoted)
                .isEqualTo("CONFIRMED");
        assertThat(promoted.path("seats")).hasSize(1);
        assertThat(promoted.path("waitlistPosition").isNull()).isTrue();
        Decisions.awaitStatus(fms, first, "CANCELLED", DECISION_BOUND);
        assertThat(client.seatMap(tripId))
                .containsEntry(promoted.path("seats").get(0).asString(), "BOOKED");
    }

    private static HttpRequest.Builder post(RunningFms fms, String path, String json) {
        return HttpRequest.newBuilder(fms.service(FmsStack.API).baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static JsonNode read(RunningFms fms, String bookingId, String query) {
        Answer answer = fms.client()
                .send(HttpRequest.newBuilder(
                                fms.service(FmsStack.API).baseUri().resolve("/api/v1/bookings/" + bookingId + query))
                        .GET());
        assertThat(answer.status()).as("GET booking: %s", answer).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("commandOffset");
        return answer.json();
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.header("Content-Type"))
                .as("%s", answer)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.json().path("status").asInt()).as("%s", answer).isEqualTo(status);
        if (field != null) {
            assertThat(answer.body()).as("the problem names the field").contains(field);
        }
    }
}
