package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BookingIntakeIT extends SharedApiContext {

    @Test
    void anAcceptedBookingIsOnTheTripsPartitionAndPendingInTheReadModel() {
        UUID tripId = createTrip();

        Http.Response response = http.postJson("/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": " Ada Lovelace "}, {"name": "Charles Babbage"}],
                 "seats": ["1a", "1B"], "contactEmail": "ada@example.com",
                 "callbackUrl": "https://93.184.215.14/hooks/fms"}""".formatted(tripId));

        response.assertStatus(202);
        JsonNode booking = response.json();
        UUID bookingId = UUID.fromString(booking.get("bookingId").asString());
        assertThat(response.header("Location")).isEqualTo("/api/v1/bookings/" + bookingId);
        assertThat(booking.get("status").asString()).isEqualTo("PENDING");
        assertThat(booking.get("tripId").asString()).isEqualTo(tripId.toString());
        assertThat(booking.get("passengers").get(0).get("name").asString()).isEqualTo("Ada Lovelace");

        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, byte[]> record = records.getFirst();
        assertThat(record.key()).isEqualTo(tripId.toString());
        assertThat(new String(record.headers().lastHeader(Topics.HEADER_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("BookingRequested");
        BookingRequested command = (BookingRequested) CommandTopic.command(record);
        assertThat(command.tripId()).isEqualTo(tripId);
        assertThat(command.passengers())
                .containsExactly(new Passenger("Ada Lovelace"), new Passenger("Charles Babbage"));
        assertThat(command.seats()).containsExactly("1A", "1B");
        assertThat(command.contactEmail()).isEqualTo("ada@example.com");
        assertThat(command.callbackUrl()).isEqualTo("https://93.184.215.14/hooks/fms");

        BookingView pending = BookingJson.readPlain(
                redis.opsForValue().get(ReadModelKeys.booking(bookingId)).getBytes(StandardCharsets.UTF_8),
                BookingView.class);
        assertThat(pending.status().name()).isEqualTo("PENDING");
        assertThat(redis.getExpire(ReadModelKeys.booking(bookingId))).isGreaterThan(6 * 24 * 3600L);
    }

    @Test
    void theSameIdempotencyKeyAndBodyGetTheSameBookingAndOneRecord() {
        UUID tripId = createTrip();
        String body = """
                {"tripId": "%s", "passengers": [{"name": "Grace Hopper"}]}""".formatted(tripId);
        String key = "retry-" + UUID.randomUUID();

        Http.Response first = http.postJson("/api/v1/bookings", body, "Idempotency-Key", key);
        Http.Response second = http.postJson("/api/v1/bookings", body, "Idempotency-Key", key);

        first.assertStatus(202);
        second.assertStatus(202);
        String bookingId = first.json().get("bookingId").asString();
        assertThat(second.json().get("bookingId").asString()).isEqualTo(bookingId);
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(CommandTopic.recordsOf(UUID.fromString(bookingId))).hasSize(1);
        assertThat(redis.getExpire(IdempotencyStore.redisKey(key))).isBetween(23 * 3600L, 24 * 3600L);

        // Without a key, the same body is a new booking.
        String other = http.postJson("/api/v1/bookings", body)
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString();
        assertThat(other).isNotEqualTo(bookingId);
    }

    @Test
    void aRetryAfterTheDecisionAnswersTheDecision() {
        UUID tripId = createTrip();
        String body = """
                {"tripId": "%s", "passengers": [{"name": "Alan Turing"}]}""".formatted(tripId);
        String key = UUID.randomUUID().toString();
        UUID bookingId =
                UUID.fromString(acceptedWithKey(body, key).get("bookingId").asString());
        writeView(BookingView.builder(bookingId, tripId, io.fms.events.BookingStatus.CONFIRMED)
                .request(List.of(new Passenger("Alan Turing")), null, null, Instant.now())
                .decision(List.of("3C"), null, List.of(), Instant.now())
                .build());
        // Even once the trip is sold out: the retry was accepted before the door closed.
        writeAvailability(tripId, 0, false);

        JsonNode retried = acceptedWithKey(body, key);

        assertThat(retried.get("bookingId").asString()).isEqualTo(bookingId.toString());
        assertThat(retried.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(CommandTopic.recordsOf(bookingId)).hasSize(1);
    }

    @Test
    void aRetryOfARequestThatWasNeverQueuedQueuesTheSameBooking() {
        UUID tripId = createTrip();
        String body = """
                {"tripId": "%s", "passengers": [{"name": "Edsger Dijkstra"}]}""".formatted(tripId);
        String key = UUID.randomUUID().toString();
        // What an attempt that got 503 leaves behind: the key's claim, and no booking anywhere.
        UUID bookingId = UUID.randomUUID();
        Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String fingerprint = IdempotencyStore.fingerprint(new ValidBooking(
                tripId, List.of(new Passenger("Edsger Dijkstra")), List.of(), null, null, null, false));
        redis.opsForValue()
                .set(
                        IdempotencyStore.redisKey(key),
                        new String(
                                BookingJson.writePlain(new IdempotencyStore.Claim(fingerprint, bookingId, requestedAt)),
                                StandardCharsets.UTF_8));

        JsonNode retried = acceptedWithKey(body, key);

        assertThat(retried.get("bookingId").asString()).isEqualTo(bookingId.toString());
        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(1);
        assertThat(CommandTopic.command(records.getFirst()).requestedAt()).isEqualTo(requestedAt);
    }

    @Test
    void aRetryAfterRedisLostTheKeyQueuesTheSameBookingAgain() {
        UUID tripId = createTrip();
        String body = """
                {"tripId": "%s", "passengers": [{"name": "Barbara Liskov"}]}""".formatted(tripId);
        String key = "order-" + UUID.randomUUID();
        UUID bookingId =
                UUID.fromString(acceptedWithKey(body, key).get("bookingId").asString());
        // What a Redis restarted empty has lost for this booking: the key's claim and the PENDING entry.
        redis.delete(List.of(IdempotencyStore.redisKey(key), ReadModelKeys.booking(bookingId)));

        JsonNode retried = acceptedWithKey(body, key);

        // The same booking ID again: the processor decides it once and ignores the repeat.
        assertThat(retried.get("bookingId").asString()).isEqualTo(bookingId.toString());
        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(CommandTopic::command).map(command -> command.tripId()))
                .containsOnly(tripId);
        assertThat(redis.hasKey(IdempotencyStore.redisKey(key))).isTrue();
        // The ID follows from the key under the database's secret, not from the key alone (it is a credential).
        assertThat(bookingId).isNotEqualTo(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(bookingId.version()).isEqualTo(8);
        String otherKey = acceptedWithKey(body, key + "-2").get("bookingId").asString();
        assertThat(otherKey).isNotEqualTo(bookingId.toString());
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        UUID tripId = createTrip();
        String key = UUID.randomUUID().toString();
        http.postJson("/api/v1/bookings", """
                        {"tripId": "%s", "passengers": [{"name": "Ada"}]}""".formatted(tripId), "Idempotency-Key", key)
                .assertStatus(202);
        int records = CommandTopic.count();

        http.postJson("/api/v1/bookings", """
                        {"tripId": "%s", "passengers": [{"name": "Ada"}, {"name": "Bob"}]}""".formatted(tripId), "Idempotency-Key", key)
                .assertProblem(422, "idempotency-key-reused");

        assertThat(CommandTopic.count()).isEqualTo(records);
    }

    @Test
    void invalidRequestsNameEveryBadFieldAndQueueNothing() {
        UUID tripId = createTrip();
        int records = CommandTopic.count();

        List<String> problem = http.postJson(
                        "/api/v1/bookings", """
                        {"tripId": "not-a-trip", "passengers": [{"name": ""}, {"name": "%s"}, null],
                         "seats": ["1A", "1A", "X9"], "contactEmail": "nobody", "callbackUrl": "ftp://example.com/x"}""".formatted("x".repeat(101)), "Idempotency-Key", "k".repeat(201))
                .invalidFields();
        assertThat(problem)
                .containsExactlyInAnyOrder(
                        "Idempotency-Key",
                        "tripId",
                        "passengers[0].name",
                        "passengers[1].name",
                        "passengers[2].name",
                        "seats[1]",
                        "seats[2]",
                        "contactEmail",
                        "callbackUrl");

        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [%s]}""".formatted(
                                        tripId, "{\"name\": \"P\"},".repeat(9) + "{\"name\": \"Q\"}"))
                        .invalidFields())
                .containsExactly("passengers");
        assertThat(http.postJson("/api/v1/bookings", "{}").invalidFields())
                .containsExactlyInAnyOrder("tripId", "passengers");
        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [{"name": "A"}, {"name": "B"}], "seats": ["1A"]}""".formatted(tripId)).invalidFields())
                .containsExactly("seats");
        // Seats that the trip's 10 x ABCDEF cabin does not have.
        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [{"name": "A"}, {"name": "B"}], "seats": ["11A", "1G"]}""".formatted(tripId)).invalidFields())
                .containsExactly("seats[0]", "seats[1]");

        assertThat(CommandTopic.count()).isEqualTo(records);
    }

    @Test
    void tripsKnownSoldOutOrClosedAreRefusedAtTheDoor() {
        UUID soldOut = createTrip();
        UUID closed = createTrip();
        UUID departed = departedTrip();
        writeAvailability(soldOut, 0, false);
        writeAvailability(closed, 12, true);
        int records = CommandTopic.count();

        http.postJson("/api/v1/bookings", oneSeat(soldOut)).assertProblem(409, "sold-out");
        http.postJson("/api/v1/bookings", oneSeat(closed)).assertProblem(409, "trip-closed");
        http.postJson("/api/v1/bookings", oneSeat(departed)).assertProblem(409, "trip-closed");
        http.postJson("/api/v1/bookings", oneSeat(UUID.randomUUID())).assertProblem(404, "not-found");

        assertThat(CommandTopic.count()).isEqualTo(records);
        // A snapshot with seats left lets requests through again.
        writeAvailability(soldOut, 3, false);
        http.postJson("/api/v1/bookings", oneSeat(soldOut)).assertStatus(202);
    }

    @Test
    void callbackUrlsIntoOurOwnNetworkAreRefused() {
        UUID tripId = createTrip();
        int records = CommandTopic.count();

        for (String url : List.of(
                // loopback, in every notation resolvers accept
                "http://127.0.0.1:8080/hook",
                "http://127.1/hook",
                "http://2130706433/hook",
                "http://0x7f000001/hook",
                "http://0177.0.0.1/hook",
                "http://[::1]/hook",
                "http://[::ffff:127.0.0.1]/hook",
                "http://[::ffff:7f00:1]/hook",
                "http://0.0.0.0/hook",
                // a name that resolves to loopback
                "http://localhost:8080/hook",
                // private, shared, link-local, unique-local, multicast
                "https://10.1.2.3/hook",
                "https://172.16.0.1/hook",
                "https://192.168.0.1/hook",
                "https://100.64.0.1/hook",
                "http://[fe80::1]/hook",
                "http://[fc00::1]/hook",
                "http://224.0.0.1/hook",
                // cloud metadata, by address and by name
                "http://169.254.169.254/latest/meta-data",
                "http://[fd00:ec2::254]/latest/meta-data",
                "http://metadata.google.internal/computeMetadata/v1/",
                // other schemes, and credentials in the URL
                "ftp://93.184.215.14/hook",
                "file:///etc/passwd",
                "gopher://93.184.215.14/hook",
                "javascript:alert(1)",
                "https://user:secret@93.184.215.14/hook")) {
            Http.Response response = http.postJson("/api/v1/bookings", """
                    {"tripId": "%s", "passengers": [{"name": "Ada"}], "callbackUrl": "%s"}""".formatted(tripId, url));
            assertThat(response.invalidFields()).as(url).containsExactly("callbackUrl");
        }

        assertThat(CommandTopic.count()).isEqualTo(records);
    }

    @Test
    void refusalsAndAcceptancesAreCounted() {
        UUID tripId = createTrip();
        http.postJson("/api/v1/bookings", oneSeat(tripId)).assertStatus(202);
        http.postJson("/api/v1/bookings", "{}").assertStatus(400);

        String metrics = http.get("/actuator/prometheus").assertStatus(200).body();

        assertThat(metrics)
                .contains("fms_api_bookings_accepted_total{replay=\"false\"")
                .contains("fms_api_bookings_refused_total{reason=\"validation\"")
                .contains("fms_api_commands_publish_seconds_count{outcome=\"acknowledged\",type=\"BookingRequested\"");
    }

    private UUID departedTrip() {
        JsonNode flight = createFlight("LHR", "JFK");
        UUID tripId = UUID.randomUUID();
        jdbc.sql("insert into catalog.trips (id, flight_id, departure_time, seat_rows, seat_columns, capacity)"
                        + " values (?, ?, now() - interval '1 hour', 10, 'ABCDEF', 60)")
                .params(tripId, UUID.fromString(flight.get("id").asString()))
                .update();
        return tripId;
    }

    private void writeAvailability(UUID tripId, int available, boolean closed) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.availability(tripId),
                        new String(
                                BookingJson.writePlain(
                                        new Availability(tripId, 60, available, closed, Instant.now(), 0)),
                                StandardCharsets.UTF_8));
    }

    private void writeView(BookingView view) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(view.bookingId()),
                        new String(BookingJson.writePlain(view), StandardCharsets.UTF_8));
    }

    /** The 202 answer to submitting {@code body} under the Idempotency-Key {@code key}. */
    private JsonNode acceptedWithKey(String body, String key) {
        return http.postJson("/api/v1/bookings", body, "Idempotency-Key", key)
                .assertStatus(202)
                .json();
    }
}
