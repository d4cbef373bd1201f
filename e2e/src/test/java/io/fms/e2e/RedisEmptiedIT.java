package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.e2e.FmsClient.Answer;
import io.fms.e2e.FmsClient.Booking;
import io.fms.e2e.FmsClient.BookingRequest;
import io.fms.testkit.TestRedis;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Redis restarted empty (a fault of the fault suite): every idempotency entry, status entry and availability
 * snapshot gone at once. A true retry still names its booking (the booking ID follows from the key and the request),
 * another body under the same key names a booking of its own, status reads fall back to Postgres, and the door opens
 * until the processor has written a snapshot again.
 */
@Order(6)
@ExtendWith(FmsStack.class)
class RedisEmptiedIT {

    @Test
    void idempotencyStatusAndAvailabilitySurviveAnEmptiedRedis(RunningFms fms) throws Exception {
        FmsClient client = fms.client();
        String tripId = client.createTrip(1, "AB");
        BookingRequest ada = BookingRequest.of(tripId, List.of("Ada Lovelace"), List.of("1A"));
        BookingRequest alan = BookingRequest.of(tripId, List.of("Alan Turing"), null);
        String adaKey = "order-" + UUID.randomUUID();
        String alanKey = "order-" + UUID.randomUUID();
        String adaId = client.bookAccepted(ada, adaKey);
        String alanId = client.bookAccepted(alan, alanKey);
        Decisions.awaitStatus(fms, adaId, "CONFIRMED", Duration.ofSeconds(60));
        Decisions.awaitStatus(fms, alanId, "CONFIRMED", Duration.ofSeconds(60));
        BookingRequest late = BookingRequest.of(tripId, List.of("Grace Hopper"), null);
        await("the sold-out trip's snapshot at the door")
                .atMost(Duration.ofSeconds(30))
                .until(() -> client.book(late, null).status() == 409);

        flushAll();

        // Status reads fall back to Postgres.
        assertThat(client.booking(adaId).status()).isEqualTo("CONFIRMED");
        assertThat(client.booking(adaId).seats()).containsExactly("1A");

        // A retry with the same key names the same booking, though Redis no longer knows the key.
        Answer retry = client.book(ada, adaKey);
        assertThat(retry.status()).as("retry after the flush: %s", retry).isIn(200, 202);
        assertThat(retry.json().path("bookingId").asString()).isEqualTo(adaId);

        // Another body under a key Redis lost, on another trip: a booking of its own, decided on its own. Knowing
        // someone's key reveals nothing of their booking, and cannot reach it.
        String otherTripId = client.createTrip(1, "AB");
        BookingRequest stranger = BookingRequest.of(otherTripId, List.of("Mallory Mallet"), List.of("1B"))
                .withContact("m@example.org", null);
        Answer otherBody = client.book(stranger, alanKey);
        assertThat(otherBody.status())
                .as("other body after the flush: %s", otherBody)
                .isEqualTo(202);
        String strangerId = otherBody.json().path("bookingId").asString();
        assertThat(strangerId).isNotBlank().isNotEqualTo(alanId);
        assertThat(otherBody.body()).doesNotContain("Alan Turing").doesNotContain(alanId);
        Booking strangerDecided = Decisions.awaitStatus(fms, strangerId, "CONFIRMED", Duration.ofSeconds(60));
        assertThat(strangerDecided.tripId()).isEqualTo(otherTripId);
        assertThat(strangerDecided.seats()).containsExactly("1B");
        assertThat(strangerDecided.passengers())
                .extracting(passenger -> passenger.get("name"))
                .containsExactly("Mallory Mallet");
        assertThat(client.getBooking(strangerId, 0).body()).doesNotContain("Alan Turing");

        // The first caller's booking is untouched by it.
        Booking alanAgain = Decisions.awaitStatus(fms, alanId, "CONFIRMED", Duration.ofSeconds(60));
        assertThat(alanAgain.passengers())
                .extracting(passenger -> passenger.get("name"))
                .containsExactly("Alan Turing");
        assertThat(alanAgain.tripId()).isEqualTo(tripId);
        Booking adaAgain = Decisions.awaitStatus(fms, adaId, "CONFIRMED", Duration.ofSeconds(60));
        assertThat(adaAgain.seats()).containsExactly("1A");

        // Without a snapshot the door cannot know the trip is sold out: it accepts, the processor rejects, and its
        // batch writes the snapshot again, so the door closes once more.
        String accepted = client.bookAccepted(late, null);
        Booking rejected = Decisions.awaitStatus(fms, accepted, "REJECTED", Duration.ofSeconds(60));
        assertThat(rejected.reason()).isEqualTo("SOLD_OUT");
        await("the snapshot written again")
                .atMost(Duration.ofSeconds(30))
                .until(() -> client.book(late, null).status() == 409);

        assertThat(new Ledger(fms).statuses(tripId))
                .as("bookings of the trip")
                .containsEntry(adaId, "CONFIRMED")
                .containsEntry(alanId, "CONFIRMED")
                .containsEntry(accepted, "REJECTED");
        assertThat(new Ledger(fms).statuses(tripId).values())
                .filteredOn("CONFIRMED"::equals)
                .hasSize(2);
        assertThat(new Ledger(fms).seatsHeldTwice(tripId)).isEmpty();
        Map<String, String> seats = client.seatMap(tripId);
        assertThat(seats).containsEntry("1A", "BOOKED").containsEntry("1B", "BOOKED");
    }

    /** What a Redis restarted without persistence holds: nothing. Spoken in RESP, to need no client library. */
    private static void flushAll() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", TestRedis.port()), 2_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
        }
    }
}
