package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.Booking;
import io.fms.e2e.FmsClient.BookingRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client that retries (after a timeout, a lost answer, a double click) never gets a second booking. */
@Order(3)
@ExtendWith(FmsStack.class)
class IdempotencyIT {

    private static final int CONCURRENT_RETRIES = 8;

    @Test
    void retriesWithTheSameKeyMakeOneBooking(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(5, "ABCD");
        BookingRequest request = BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("1A"));
        String key = "retry-" + UUID.randomUUID();

        String bookingId = client.bookAccepted(request, key);
        Answer retry = client.book(request, key);
        assertThat(retry.status()).as("retry: %s", retry).isIn(200, 202);
        assertThat(retry.json().path("bookingId").asString()).isEqualTo(bookingId);

        // Retries racing each other: one booking, whichever request gets there first.
        BookingRequest raced = BookingRequest.of(tripId, List.of("Grace Hopper"), List.of("2A"));
        String racedKey = "race-" + UUID.randomUUID();
        List<Callable<Answer>> sends = IntStream.range(0, CONCURRENT_RETRIES)
                .mapToObj(i -> (Callable<Answer>) () -> client.book(raced, racedKey))
                .toList();
        List<Answer> racedAnswers = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_RETRIES)) {
            for (Future<Answer> answer : clients.invokeAll(sends)) {
                racedAnswers.add(answer.get());
            }
        }
        assertThat(racedAnswers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as("%s", answer).isIn(200, 202));
        List<String> racedIds = racedAnswers.stream()
                .map(answer -> answer.json().path("bookingId").asString())
                .distinct()
                .toList();
        assertThat(racedIds)
                .as("booking IDs answered to %d racing retries", CONCURRENT_RETRIES)
                .hasSize(1);
        String racedId = racedIds.getFirst();

        // The key is bound to its body: reusing it for another booking is refused, and changes nothing.
        Answer otherBody = client.book(BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("1B")), key);
        assertThat(otherBody.status()).as("same key, other body: %s", otherBody).isEqualTo(422);
        assertThat(otherBody.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        Map<String, Booking> decided = Decisions.awaitFinal(fms, List.of(bookingId, racedId), Duration.ofSeconds(60));
        assertThat(decided.get(bookingId).status()).isEqualTo("CONFIRMED");
        assertThat(decided.get(bookingId).seats()).containsExactly("1A");
        assertThat(decided.get(racedId).status()).isEqualTo("CONFIRMED");
        assertThat(decided.get(racedId).seats()).containsExactly("2A");

        // After the decision the key still names the same booking.
        Answer late = client.book(request, key);
        assertThat(late.status()).as("retry after the decision: %s", late).isIn(200, 202);
        assertThat(late.json().path("bookingId").asString()).isEqualTo(bookingId);

        assertThat(new Ledger(fms).bookingIds(tripId))
                .as("booking rows of the trip")
                .containsExactlyInAnyOrder(bookingId, racedId);
        assertThat(client.seatMap(tripId).entrySet().stream()
                        .filter(seat -> seat.getValue().equals("BOOKED"))
                        .map(Map.Entry::getKey)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("1A", "2A");
        DecisionEvents.Found events =
                DecisionEvents.read(fms.bootstrapServers(), List.of(bookingId, racedId), Duration.ofSeconds(30));
        assertThat(events.unreadable()).isEmpty();
        for (String id : List.of(bookingId, racedId)) {
            assertThat(events.decisions(id).stream()
                            .map(event -> event.eventId())
                            .distinct())
                    .as("decision events of %s", id)
                    .hasSize(1);
        }
    }
}
