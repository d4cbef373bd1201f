package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.e2e.FmsClient.Answer;
import io.fms.events.BookingConfirmed;
import io.fms.events.BookingEvent;
import io.fms.events.BookingExpired;
import io.fms.events.BookingHeld;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Holds whose deadlines pass while the processor is dead (SIGKILL): after the restart every hold has ended exactly
 * once, in log order: the ones paid before the kill CONFIRMED, the others EXPIRED with their seats free, each with
 * exactly two distinct events (held, then confirmed or expired; an event published again after the kill carries its
 * original's ID), whatever the processor had in memory when it died.
 */
@Order(5)
@ExtendWith(FmsStack.class)
class HoldsCrashIT {

    private static final int HOLDS = 10;
    private static final int HOLD_SECONDS = 30;

    @Test
    void everyHoldEndsOnceWhenItsDeadlinePassesWhileTheProcessorIsDown(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        ServiceProcess processor = fms.service(FmsStack.PROCESSOR);
        String tripId = client.createTrip(3, "ABCD");
        List<String> paid = new ArrayList<>();
        List<String> unpaid = new ArrayList<>();
        Instant lastDeadline = Instant.now();
        for (int i = 0; i < HOLDS; i++) {
            Answer accepted = client.send(post(fms, "/api/v1/bookings", """
                    {"tripId": "%s", "passengers": [{"name": "Holder %d"}], "hold": {"seconds": %d}}""".formatted(tripId, i, HOLD_SECONDS)));
            String bookingId = FmsClient.acceptedBookingId(accepted);
            FmsClient.Booking held = client.longPoll(bookingId, 30);
            assertThat(held.status()).as("booking %s: %s", bookingId, held).isEqualTo("HELD");
            (i % 2 == 0 ? paid : unpaid).add(bookingId);
        }
        for (String bookingId : paid) {
            Answer confirmation = client.send(post(
                    fms, "/api/v1/bookings/" + bookingId + "/confirmation", "{\"paymentReference\": \"psp-crash\"}"));
            assertThat(confirmation.status())
                    .as("confirmation of %s: %s", bookingId, confirmation)
                    .isEqualTo(202);
        }
        for (String bookingId : unpaid) {
            Instant deadline = Instant.parse(
                    client.getBooking(bookingId, 0).json().path("holdExpiresAt").asString());
            lastDeadline = deadline.isAfter(lastDeadline) ? deadline : lastDeadline;
        }
        try {
            processor.kill();
            // Dead until every deadline has passed: the expiries are the restarted processor's to decide.
            Thread.sleep(
                    Math.max(0, Duration.between(Instant.now(), lastDeadline).toMillis()) + 2_000);
            processor.start();
        } finally {
            fms.ensureRunning();
        }

        List<String> all = new ArrayList<>(paid);
        all.addAll(unpaid);
        long bound = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < bound
                && !(paid.stream().allMatch(id -> client.booking(id).status().equals("CONFIRMED"))
                        && unpaid.stream()
                                .allMatch(id -> client.booking(id).status().equals("EXPIRED")))) {
            Thread.sleep(200);
        }
        paid.forEach(
                id -> assertThat(client.booking(id).status()).as("paid %s", id).isEqualTo("CONFIRMED"));
        unpaid.forEach(id ->
                assertThat(client.booking(id).status()).as("unpaid %s", id).isEqualTo("EXPIRED"));

        Map<String, Integer> sequences = new Ledger(fms).eventSequences(tripId);
        assertThat(sequences).hasSize(HOLDS);
        assertThat(sequences.values()).as("each hold ended exactly once").containsOnly(2);
        DecisionEvents.Found events = DecisionEvents.read(fms.bootstrapServers(), all, Duration.ofSeconds(60));
        for (String bookingId : all) {
            List<Class<?>> types = events.distinct(bookingId).stream()
                    .<Class<?>>map(BookingEvent::getClass)
                    .toList();
            Class<?> end = paid.contains(bookingId) ? BookingConfirmed.class : BookingExpired.class;
            assertThat(types).as("distinct events of %s, in order", bookingId).containsExactly(BookingHeld.class, end);
        }
        assertThat(client.seatMap(tripId).values().stream().filter("BOOKED"::equals))
                .as("the paid holds' seats, and only those, are booked")
                .hasSize(paid.size());
        assertThat(new Ledger(fms).seatsHeldTwice(tripId)).isEmpty();
    }

    private static HttpRequest.Builder post(RunningFms fms, String path, String json) {
        return HttpRequest.newBuilder(fms.service(FmsStack.API).baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
