package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.Booking;
import io.fms.e2e.FmsClient.BookingRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many more buyers than seats, all at once: every seat is sold exactly once and every accepted request is decided. */
@Order(2)
@ExtendWith(FmsStack.class)
class BookingBurstIT {

    private static final int ROWS = 4;
    private static final String COLUMNS = "ABCDE";
    private static final int REQUESTS = 500;
    private static final int CLIENTS = 64;

    /** One request of the burst: the seat it asked for (null: any seat) and what the API answered. */
    private record Attempt(String requestedSeat, Answer answer) {}

    @Test
    void fiveHundredBuyersForTwentySeats(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(ROWS, COLUMNS);
        List<String> cabin = Cabin.seats(ROWS, COLUMNS);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Callable<Attempt>> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String seat = random.nextBoolean() ? cabin.get(random.nextInt(cabin.size())) : null;
            BookingRequest request =
                    BookingRequest.of(tripId, List.of("Buyer " + i), seat == null ? null : List.of(seat));
            String key = UUID.randomUUID().toString();
            requests.add(() -> new Attempt(seat, client.book(request, key)));
        }

        List<Attempt> attempts = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            for (Future<Attempt> attempt : clients.invokeAll(requests)) {
                attempts.add(attempt.get());
            }
        }

        Map<Integer, Long> byStatus = attempts.stream()
                .collect(Collectors.groupingBy(attempt -> attempt.answer().status(), Collectors.counting()));
        String summary = "seed " + seed + ", answers by status " + byStatus;
        assertThat(byStatus.keySet())
                .as(
                        "only 202 (queued) or 409 (known sold out at the door); %s; e.g. %s",
                        summary,
                        attempts.stream()
                                .filter(a ->
                                        a.answer().status() != 202 && a.answer().status() != 409)
                                .findFirst()
                                .map(Attempt::answer))
                .isSubsetOf(202, 409);
        attempts.stream()
                .filter(attempt -> attempt.answer().status() == 409)
                .forEach(attempt -> assertThat(attempt.answer().header("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json")));

        Map<String, String> requestedSeatByBooking = new HashMap<>();
        for (Attempt attempt : attempts) {
            if (attempt.answer().status() == 202) {
                String bookingId = FmsClient.acceptedBookingId(attempt.answer());
                assertThat(requestedSeatByBooking.containsKey(bookingId))
                        .as("booking ID %s answered to two requests with different keys", bookingId)
                        .isFalse();
                requestedSeatByBooking.put(bookingId, attempt.requestedSeat());
            }
        }
        assertThat(requestedSeatByBooking).as(summary).hasSizeGreaterThanOrEqualTo(ROWS * COLUMNS.length());

        Map<String, Booking> decided =
                Decisions.awaitFinal(fms, requestedSeatByBooking.keySet(), Duration.ofSeconds(120));

        List<String> confirmedSeats = new ArrayList<>();
        for (Booking booking : decided.values()) {
            String requested = requestedSeatByBooking.get(booking.bookingId());
            assertThat(booking.status()).as("%s", booking).isIn("CONFIRMED", "REJECTED");
            if (booking.status().equals("CONFIRMED")) {
                assertThat(booking.seats()).as("%s", booking).hasSize(1);
                if (requested != null) {
                    assertThat(booking.seats())
                            .as("explicit seat honoured: %s", booking)
                            .containsExactly(requested);
                }
                confirmedSeats.addAll(booking.seats());
            } else {
                assertThat(booking.reason()).as("%s", booking).isIn("SEAT_UNAVAILABLE", "SOLD_OUT");
                assertThat(booking.seats())
                        .as("a rejected booking holds nothing: %s", booking)
                        .isEmpty();
                if (booking.reason().equals("SEAT_UNAVAILABLE")) {
                    assertThat(requested)
                            .as("SEAT_UNAVAILABLE for a request without seats: %s", booking)
                            .isNotNull();
                    assertThat(booking.unavailableSeats()).as("%s", booking).containsExactly(requested);
                }
            }
        }
        System.out.printf(
                "burst: %s, %d accepted, %d confirmed, rejections %s%n",
                summary,
                decided.size(),
                confirmedSeats.size(),
                decided.values().stream()
                        .filter(booking -> booking.reason() != null)
                        .collect(Collectors.groupingBy(Booking::reason, Collectors.counting())));
        assertThat(confirmedSeats).as("no seat sold twice; %s", summary).doesNotHaveDuplicates();
        assertThat(confirmedSeats).as("every seat sold; %s", summary).containsExactlyInAnyOrderElementsOf(cabin);

        assertThat(client.seatMap(tripId)).as("seat map after the burst").hasSize(cabin.size());
        assertThat(client.seatMap(tripId).values()).containsOnly("BOOKED");
        await("availableSeats 0")
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(
                                client.trip(tripId).path("availableSeats").asInt())
                        .isZero());
        // Once the processor has said the trip is full, the door refuses without queueing anything.
        await("409 at the door")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(client.book(
                                        BookingRequest.of(tripId, List.of("Late Buyer"), null),
                                        UUID.randomUUID().toString())
                                .status())
                        .isEqualTo(409));
    }
}
