package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.Booking;
import io.fms.e2e.FmsClient.BookingRequest;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingRejected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The processor dies (SIGKILL, mid-stream, batches in flight) and comes back: every request answered 202 still gets
 * exactly one decision, recorded once in Postgres and published once on the events topic, and no seat is sold twice.
 */
@Order(5)
@ExtendWith(FmsStack.class)
class ProcessorCrashIT {

    private static final int ROWS = 30;
    private static final String COLUMNS = "ABCDEF";
    private static final int REQUESTS = 200;
    private static final long SPACING_MS = 20;
    private static final int KILL_AFTER_ACCEPTED = 60;
    private static final int SENDERS = 16;

    /** One request of the stream and what the API answered. */
    private record Attempt(BookingRequest request, Answer answer) {}

    @Test
    void everyAcceptedRequestIsDecidedOnceAcrossAProcessorKill(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        ServiceProcess processor = fms.service(FmsStack.PROCESSOR);
        String tripId = client.createTrip(ROWS, COLUMNS);
        long seed = System.nanoTime();
        List<BookingRequest> requests = requests(tripId, new Random(seed));

        Queue<String> acceptedSoFar = new ConcurrentLinkedQueue<>();
        CountDownLatch enoughAccepted = new CountDownLatch(KILL_AFTER_ACCEPTED);
        AtomicInteger answered = new AtomicInteger();
        List<Attempt> attempts = new ArrayList<>();
        int answeredBeforeKill;
        Instant killedAt;
        ScheduledThreadPoolExecutor senders = new ScheduledThreadPoolExecutor(SENDERS);
        try (ScheduledExecutorService closing = senders) {
            List<ScheduledFuture<Attempt>> stream = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                BookingRequest request = requests.get(i);
                String key = UUID.randomUUID().toString();
                stream.add(senders.schedule(
                        () -> {
                            Answer answer = client.book(request, key);
                            answered.incrementAndGet();
                            if (answer.status() == 202) {
                                acceptedSoFar.add(
                                        answer.json().path("bookingId").asString());
                                enoughAccepted.countDown();
                            }
                            return new Attempt(request, answer);
                        },
                        i * SPACING_MS,
                        TimeUnit.MILLISECONDS));
            }

            assertThat(enoughAccepted.await(60, TimeUnit.SECONDS))
                    .as("%d requests accepted within 60 s", KILL_AFTER_ACCEPTED)
                    .isTrue();
            // Kill it while it is working: after it has decided something, with more requests still arriving.
            Booking early = client.longPoll(acceptedSoFar.peek(), 30);
            assertThat(early.isPending())
                    .as("a first decision before the kill: %s%s", early, fms.logTails(FmsStack.PROCESSOR))
                    .isFalse();
            answeredBeforeKill = answered.get();
            killedAt = Instant.now();
            processor.kill();
            processor.start();
            for (ScheduledFuture<Attempt> attempt : stream) {
                attempts.add(attempt.get(120, TimeUnit.SECONDS));
            }
        } finally {
            fms.ensureRunning();
        }
        assertThat(answeredBeforeKill)
                .as("the kill came mid-stream: requests were still arriving after it")
                .isLessThan(REQUESTS);

        Map<Integer, Long> byStatus = attempts.stream()
                .collect(Collectors.groupingBy(attempt -> attempt.answer().status(), Collectors.counting()));
        String summary =
                "seed " + seed + ", " + answeredBeforeKill + " answered before the kill, answers by status " + byStatus;
        assertThat(byStatus.keySet()).as(summary).isSubsetOf(202, 409);
        List<String> accepted = attempts.stream()
                .filter(attempt -> attempt.answer().status() == 202)
                .map(attempt -> FmsClient.acceptedBookingId(attempt.answer()))
                .toList();
        assertThat(accepted).as(summary).doesNotHaveDuplicates();

        Map<String, Booking> decided = Decisions.awaitFinal(fms, accepted, Duration.ofSeconds(150));
        List<String> confirmedSeats = new ArrayList<>();
        for (Booking booking : decided.values()) {
            assertThat(booking.status()).as("%s", booking).isIn("CONFIRMED", "REJECTED");
            if (booking.status().equals("CONFIRMED")) {
                confirmedSeats.addAll(booking.seats());
            } else {
                assertThat(booking.reason()).as("%s", booking).isIn("SEAT_UNAVAILABLE", "SOLD_OUT");
            }
        }
        long decidedBeforeKill = decided.values().stream()
                .filter(booking -> Instant.parse(booking.decidedAt()).isBefore(killedAt))
                .count();
        System.out.printf(
                "crash: %s, %d accepted, %d seats confirmed, %d decided before the kill, %d after the restart%n",
                summary,
                accepted.size(),
                confirmedSeats.size(),
                decidedBeforeKill,
                accepted.size() - decidedBeforeKill);
        assertThat(decidedBeforeKill).as("decisions before the kill").isPositive();
        assertThat(accepted.size() - decidedBeforeKill)
                .as("decisions by the restarted processor")
                .isPositive();
        assertThat(confirmedSeats).as("no seat sold twice; %s", summary).doesNotHaveDuplicates();
        assertThat(client.seatMap(tripId).entrySet().stream()
                        .filter(seat -> seat.getValue().equals("BOOKED"))
                        .map(Map.Entry::getKey))
                .as("the seat map shows exactly the confirmed bookings' seats")
                .containsExactlyInAnyOrderElementsOf(confirmedSeats);

        // Postgres: one row per accepted request, none twice, none extra, each with the decision clients see.
        Ledger ledger = new Ledger(fms);
        List<String> rows = ledger.bookingIds(tripId);
        assertThat(rows).as("booking rows; %s", summary).doesNotHaveDuplicates();
        assertThat(rows).as("booking rows; %s", summary).containsExactlyInAnyOrderElementsOf(accepted);
        Map<String, String> recorded = ledger.statuses(tripId);
        decided.forEach((id, booking) ->
                assertThat(recorded.get(id)).as("status of %s in Postgres", id).isEqualTo(booking.status()));
        assertThat(ledger.seatsHeldTwice(tripId)).isEmpty();

        // Kafka: exactly one decision per booking; a redelivered copy would carry the same eventId.
        DecisionEvents.Found events = DecisionEvents.read(fms.bootstrapServers(), accepted, Duration.ofSeconds(60));
        assertThat(events.unreadable()).as("unreadable event records").isEmpty();
        for (String id : accepted) {
            List<BookingEvent> decisions = events.decisions(id);
            assertThat(decisions).as("decision events of %s; %s", id, summary).isNotEmpty();
            Set<String> eventIds = decisions.stream()
                    .map(event -> event.eventId().toString())
                    .collect(Collectors.toCollection(HashSet::new));
            assertThat(eventIds)
                    .as("distinct decisions of %s: %s", id, decisions)
                    .hasSize(1);
            Class<?> expected =
                    decided.get(id).status().equals("CONFIRMED") ? BookingConfirmed.class : BookingRejected.class;
            assertThat(decisions).allSatisfy(event -> assertThat(event).isInstanceOf(expected));
        }
    }

    /** 1-2 passengers each, half with explicit seats side by side, half assigned; about 1.7x the cabin's seats. */
    private static List<BookingRequest> requests(String tripId, Random random) {
        List<BookingRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int party = 1 + random.nextInt(2);
            List<String> names = new ArrayList<>();
            for (int p = 0; p < party; p++) {
                names.add("Passenger " + i + "-" + p);
            }
            List<String> seats = null;
            if (random.nextBoolean()) {
                int row = 1 + random.nextInt(ROWS);
                int first = random.nextInt(COLUMNS.length() - party + 1);
                seats = new ArrayList<>();
                for (int p = 0; p < party; p++) {
                    seats.add(row + String.valueOf(COLUMNS.charAt(first + p)));
                }
            }
            requests.add(BookingRequest.of(tripId, names, seats));
        }
        return requests;
    }
}
