package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.BookingRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live seat map against the whole system: followers of a trip's stream see what the seat map says, while 500
 * bookings and cancellations run at once.
 */
@ExtendWith(FmsStack.class)
class SeatStreamIT {

    // More seats than bookings: the run ends with seats of both kinds.
    private static final int ROWS = 80;
    private static final String COLUMNS = "ABCDEF";
    private static final int BOOKINGS = 400;
    private static final int CANCELLATIONS = 100;
    private static final int CLIENTS = 32;

    @Test
    void aFollowerRebuildsTheSeatMapWhileBookingsAndCancellationsRun(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        URI base = fms.service(FmsStack.API).baseUri();
        String tripId = client.createTrip(ROWS, COLUMNS);
        List<String> cabin = Cabin.seats(ROWS, COLUMNS);
        Set<String> bookingIds = ConcurrentHashMap.newKeySet();
        List<String> confirmed = new ArrayList<>();

        SeatStream follower = SeatStream.open(base, tripId, null).stream();
        SeatStream rejoining = SeatStream.open(base, tripId, null).stream();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !follower.events().isEmpty() && !rejoining.events().isEmpty());
        assertThat(follower.events().getFirst().name()).isEqualTo("snapshot");

        Random random = new Random(7);
        AtomicInteger completed = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            String seat = random.nextBoolean() ? cabin.get(random.nextInt(cabin.size())) : null;
            BookingRequest request = BookingRequest.of(
                            tripId, List.of("Buyer Number" + i), seat == null ? null : List.of(seat))
                    .withContact("buyer" + i + "@example.com", null);
            boolean cancelsAfterwards = i < CANCELLATIONS;
            work.add(() -> {
                Answer answer = client.book(request, UUID.randomUUID().toString());
                completed.incrementAndGet();
                if (answer.status() != 202) {
                    return null;
                }
                String bookingId = FmsClient.acceptedBookingId(answer);
                bookingIds.add(bookingId);
                if (cancelsAfterwards) {
                    FmsClient.Booking decided = client.longPoll(bookingId, 20);
                    if ("CONFIRMED".equals(decided.status())) {
                        assertThat(client.cancel(bookingId).status()).isEqualTo(202);
                        synchronized (confirmed) {
                            confirmed.add(bookingId);
                        }
                    }
                }
                return null;
            });
        }

        Long resumeFrom = null;
        SeatStream resumed;
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<Void>> running = work.stream().map(clients::submit).toList();
            // Mid-run, one follower drops and comes back with the id of the last event it got.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> rejoining.events().size() >= 3);
            rejoining.close();
            resumeFrom = rejoining.lastId();
            Thread.sleep(500);
            resumed = SeatStream.open(base, tripId, resumeFrom).stream();
            resumed.continueFrom(rejoining.seats());
            for (Future<Void> done : running) {
                done.get();
            }
        }
        assertThat(confirmed).as("some bookings were cancelled during the run").isNotEmpty();
        for (String cancelled : confirmed) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "CANCELLED".equals(client.booking(cancelled).status()));
        }

        Map<String, String> truth = client.seatMap(tripId);
        assertThat(truth).containsValue("BOOKED").containsValue("AVAILABLE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(follower.seats()).isEqualTo(client.seatMap(tripId));
            assertThat(resumed.seats()).isEqualTo(client.seatMap(tripId));
        });

        for (SeatStream stream : List.of(follower, rejoining, resumed)) {
            assertThat(stream.problems()).isEmpty();
            List<SeatStream.Event> events = stream.events();
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).id())
                        .as("versions strictly increase: %s after %s", events.get(i), events.get(i - 1))
                        .isGreaterThan(events.get(i - 1).id());
            }
            String raw = stream.raw();
            assertThat(raw).doesNotContain("Buyer", "@example.com");
            bookingIds.forEach(id -> assertThat(raw).doesNotContain(id));
        }
        // The follower saw the run as changes, not as snapshots, and more than one of them.
        assertThat(follower.events().stream()
                        .filter(e -> e.name().equals("seats"))
                        .count())
                .isGreaterThan(1);
        assertThat(follower.raw()).contains("\"status\":\"BOOKED\"");
        // Back within seconds, the resumed stream got the changes it missed rather than a new snapshot.
        assertThat(resumed.events()).isNotEmpty();
        assertThat(resumed.events().getFirst().name()).isEqualTo("seats");
        assertThat(resumed.events().getFirst().id()).isGreaterThan(resumeFrom);
        follower.close();
        resumed.close();
    }

    @Test
    void aNewFollowerOfABusyTripStartsFromASnapshotOfTheSameVersionAsTheStreamAfterIt(RunningFms fms) {
        FmsClient client = fms.client();
        URI base = fms.service(FmsStack.API).baseUri();
        String tripId = client.createTrip(2, "AB");
        String bookingId = client.bookAccepted(BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("1A")), null);
        assertThat(client.longPoll(bookingId, 20).status()).isEqualTo("CONFIRMED");

        try (SeatStream stream = SeatStream.open(base, tripId, null).stream()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            SeatStream.Event snapshot = stream.events().getFirst();
            assertThat(snapshot.name()).isEqualTo("snapshot");
            assertThat(snapshot.id()).isPositive();
            assertThat(stream.seats()).isEqualTo(client.seatMap(tripId));
            assertThat(stream.seats()).containsEntry("1A", "BOOKED").containsEntry("2B", "AVAILABLE");
        }
    }

    @Test
    void unknownTripsAndBadLastEventIdsAreProblemsAndTheCapAnswers503(RunningFms fms) {
        FmsClient client = fms.client();
        URI base = fms.service(FmsStack.API).baseUri();
        String tripId = client.createTrip(2, "AB");

        SeatStream.Opened unknown = SeatStream.open(base, UUID.randomUUID().toString(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        List<SeatStream> open = new ArrayList<>();
        try {
            SeatStream.Opened refused = null;
            for (int i = 0; i <= FmsStack.SEAT_STREAMS_MAX && refused == null; i++) {
                SeatStream.Opened opened = SeatStream.open(base, tripId, null);
                if (opened.stream() != null) {
                    open.add(opened.stream());
                } else {
                    refused = opened;
                }
            }
            assertThat(refused).as("a stream beyond the cap is refused").isNotNull();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(Json.tree(refused.body()).path("title").asString()).isEqualTo("Service unavailable");
        } finally {
            open.forEach(SeatStream::close);
        }
        // Positive control: once those are closed, a stream opens again.
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            SeatStream.Opened again = SeatStream.open(base, tripId, null);
            if (again.stream() == null) {
                return false;
            }
            again.stream().close();
            return true;
        });
    }
}
