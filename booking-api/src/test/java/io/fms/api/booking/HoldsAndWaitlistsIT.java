package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.api.TestViews;
import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.BookingStatus;
import io.fms.events.Hold;
import io.fms.events.PartitionProgress;
import io.fms.events.ReadModelKeys;
import io.fms.events.Waitlist;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Requests that hold their seats or may wait, the door of a sold-out trip, and the queue place of a PENDING booking. */
class HoldsAndWaitlistsIT extends SharedApiContext {

    @Test
    void holdAndWaitlistAreValidatedFieldByFieldAndQueueNothing() {
        UUID tripId = createTrip();
        int records = CommandTopic.count();

        for (String hold : List.of(
                "{\"seconds\": 29}",
                "{\"seconds\": 1801}",
                "{\"seconds\": 0}",
                "{\"seconds\": -60}",
                "{\"seconds\": null}",
                "{}")) {
            assertThat(submit(tripId, "\"hold\": " + hold).invalidFields())
                    .as("hold %s", hold)
                    .containsExactly("hold.seconds");
        }
        for (String seconds : List.of("\"600\"", "600.5", "true", "[600]", "{\"s\": 600}")) {
            assertThat(submit(tripId, "\"hold\": {\"seconds\": " + seconds + "}")
                            .invalidFields())
                    .as("seconds %s", seconds)
                    .containsExactly("hold.seconds");
        }
        assertThat(submit(tripId, "\"hold\": {\"seconds\": 99999999999}").invalidFields())
                .containsExactly("hold.seconds");
        assertThat(submit(tripId, "\"hold\": {\"seconds\": 600, \"extra\": 1}").invalidFields())
                .containsExactly("hold.extra");
        assertThat(submit(tripId, "\"hold\": 600").invalidFields()).containsExactly("hold");
        for (String waitlist : List.of("\"yes\"", "\"true\"", "1", "[true]", "{}")) {
            assertThat(submit(tripId, "\"waitlist\": " + waitlist).invalidFields())
                    .as("waitlist %s", waitlist)
                    .containsExactly("waitlist");
        }
        assertThat(submit(tripId, "\"waitlist\": true, \"seats\": [\"3A\"]").invalidFields())
                .containsExactly("waitlist");
        // Every bad field is named at once.
        assertThat(submit(tripId, "\"waitlist\": true, \"seats\": [\"3A\"], \"hold\": {\"seconds\": 5}")
                        .invalidFields())
                .containsExactlyInAnyOrder("hold.seconds", "waitlist");

        assertThat(CommandTopic.count()).isEqualTo(records);
        // The bounds themselves are fine.
        submit(tripId, "\"hold\": {\"seconds\": " + Hold.SECONDS_MIN + "}").assertStatus(202);
        submit(tripId, "\"hold\": {\"seconds\": " + Hold.SECONDS_MAX + "}").assertStatus(202);
        submit(tripId, "\"waitlist\": false, \"seats\": [\"3A\"]").assertStatus(202);
    }

    @Test
    void holdAndWaitlistTravelInTheCommand() {
        UUID tripId = createTrip();

        UUID held = bookingId(submit(tripId, "\"hold\": {\"seconds\": 600}").assertStatus(202));
        UUID waiting = bookingId(submit(tripId, "\"waitlist\": true").assertStatus(202));
        UUID plain =
                bookingId(submit(tripId, "\"hold\": null, \"waitlist\": null").assertStatus(202));

        assertThat(requested(held).hold()).isEqualTo(new Hold(600));
        assertThat(requested(held).waitlist()).isFalse();
        assertThat(requested(waiting).hold()).isNull();
        assertThat(requested(waiting).waitlist()).isTrue();
        assertThat(requested(plain).hold()).isNull();
        assertThat(requested(plain).waitlist()).isFalse();
    }

    @Test
    void holdAndWaitlistArePartOfTheIdempotencyFingerprint() {
        UUID tripId = createTrip();
        String key = "order-" + UUID.randomUUID();
        String first = bookingId(submitWithKey(tripId, key, "\"hold\": {\"seconds\": 600}")
                        .assertStatus(202))
                .toString();
        int records = CommandTopic.count();

        submitWithKey(tripId, key, "\"hold\": {\"seconds\": 601}").assertProblem(422, "idempotency-key-reused");
        submitWithKey(tripId, key, "").assertProblem(422, "idempotency-key-reused");
        submitWithKey(tripId, key, "\"hold\": {\"seconds\": 600}, \"waitlist\": true")
                .assertProblem(422, "idempotency-key-reused");
        assertThat(CommandTopic.count()).isEqualTo(records);

        assertThat(bookingId(submitWithKey(tripId, key, "\"hold\": {\"seconds\": 600}")
                                .assertStatus(202))
                        .toString())
                .isEqualTo(first);
    }

    @Test
    void aSoldOutTripTakesRequestsThatMayWaitWhileItsWaitlistHasRoom() {
        UUID tripId = createTrip();
        writeAvailability(tripId, 0, Waitlist.PARTIES_MAX - 1);
        int records = CommandTopic.count();

        submit(tripId, "").assertProblem(409, "sold-out");
        submit(tripId, "\"hold\": {\"seconds\": 600}").assertProblem(409, "sold-out");
        assertThat(CommandTopic.count()).isEqualTo(records);

        UUID waiting = bookingId(submit(tripId, "\"waitlist\": true").assertStatus(202));
        assertThat(requested(waiting).waitlist()).isTrue();

        // Full: the request would be refused WAITLIST_FULL, so it is refused at the door and nothing is queued.
        writeAvailability(tripId, 0, Waitlist.PARTIES_MAX);
        records = CommandTopic.count();
        JsonNode full = submit(tripId, "\"waitlist\": true").assertProblem(409, "waitlist-full");
        assertThat(full.get("detail").asString()).contains("WAITLIST_FULL");
        assertThat(CommandTopic.count()).isEqualTo(records);

        // A closed trip takes no one, waiting or not.
        writeAvailability(tripId, 0, 0, true);
        submit(tripId, "\"waitlist\": true").assertProblem(409, "trip-closed");
        // Seats left: every request gets in as before.
        writeAvailability(tripId, 3, Waitlist.PARTIES_MAX);
        submit(tripId, "").assertStatus(202);
    }

    @Test
    void aPendingBookingShowsItsQueuePlaceFromThePartitionsProgress() {
        UUID tripId = createTrip();
        int partition = partitionOf(tripId);
        String progressKey = ReadModelKeys.partitionProgress(partition);
        String before = redis.opsForValue().get(progressKey);
        try {
            // The processor has decided nothing yet; it decides 1,000 commands a second.
            writeProgress(partition, 0, 1000);
            Http.Response accepted = submit(tripId, "").assertStatus(202);
            UUID bookingId = bookingId(accepted);
            long offset = commandRecord(bookingId).offset();

            JsonNode queue = accepted.json().get("queue");
            assertThat(queue.get("position").asLong()).isEqualTo(offset);
            assertThat(queue.get("etaMs").asLong()).isEqualTo(offset + 1);
            assertThat(accepted.json().has("commandOffset")).isFalse();
            assertThat(accepted.body()).doesNotContain("commandOffset");

            // The processor moved on to two commands before it: reads show the smaller place.
            writeProgress(partition, offset - 2, 500);
            JsonNode read =
                    http.get("/api/v1/bookings/" + bookingId).assertStatus(200).json();
            assertThat(read.get("queue").get("position").asLong()).isEqualTo(2);
            assertThat(read.get("queue").get("etaMs").asLong()).isEqualTo(6);
            assertThat(read.has("commandOffset")).isFalse();
            JsonNode polled = http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=1")
                    .assertStatus(200)
                    .json();
            assertThat(polled.get("status").asString()).isEqualTo("PENDING");
            assertThat(polled.get("queue").get("position").asLong()).isEqualTo(2);
            assertThat(polled.has("commandOffset")).isFalse();

            // Past it (its decision not yet in Redis): nothing ahead.
            writeProgress(partition, offset + 5, 500);
            assertThat(http.get("/api/v1/bookings/" + bookingId)
                            .json()
                            .get("queue")
                            .get("position")
                            .asLong())
                    .isZero();

            // Progress unknown: every earlier command of the partition counts, and there is no estimate.
            redis.delete(progressKey);
            JsonNode unknown = http.get("/api/v1/bookings/" + bookingId).json().get("queue");
            assertThat(unknown.get("position").asLong()).isEqualTo(offset);
            assertThat(unknown.get("etaMs").asLong()).isZero();
            // The read model keeps the offset: it is what later reads compute the place from.
            assertThat(redis.opsForValue().get(ReadModelKeys.booking(bookingId)))
                    .contains("\"commandOffset\":" + offset);

            // Decided: no queue.
            TestViews.write(redis, TestViews.decided(bookingId, tripId, BookingStatus.CONFIRMED));
            JsonNode decided = http.get("/api/v1/bookings/" + bookingId).json();
            assertThat(decided.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(decided.get("queue").isNull()).isTrue();
        } finally {
            if (before == null) {
                redis.delete(progressKey);
            } else {
                redis.opsForValue().set(progressKey, before);
            }
        }
    }

    @Test
    void theOpenApiDocumentShowsTheNewFieldsButNotTheCommandOffset() {
        JsonNode api = http.get("/v3/api-docs").assertStatus(200).json();

        JsonNode booking =
                api.get("components").get("schemas").get("BookingView").get("properties");
        assertThat(booking.has("commandOffset")).isFalse();
        assertThat(booking.has("queue")).isTrue();
        assertThat(booking.has("holdExpiresAt")).isTrue();
        assertThat(booking.has("paymentReference")).isTrue();
        assertThat(booking.has("lateConfirmation")).isTrue();
        assertThat(booking.has("waitlistPosition")).isTrue();
        assertThat(booking.get("status").toString()).contains("HELD", "WAITLISTED", "EXPIRED");
        assertThat(api.toString()).doesNotContain("commandOffset");
        JsonNode request =
                api.get("components").get("schemas").get("BookingRequest").get("properties");
        assertThat(request.has("hold")).isTrue();
        assertThat(request.has("waitlist")).isTrue();

        JsonNode confirm = api.get("paths")
                .get("/api/v1/bookings/{bookingId}/confirmation")
                .get("post");
        assertThat(confirm.get("operationId").asString()).isEqualTo("confirmBooking");
        assertThat(confirm.get("responses").properties().stream().map(java.util.Map.Entry::getKey))
                .contains("200", "202", "400", "404", "409", "413", "415", "429", "503");
        assertThat(confirm.get("requestBody").toString()).contains("psp_8842");
        assertThat(api.get("components").get("responses").get("not-confirmable").toString())
                .contains("urn:fms:problem:not-confirmable");
        assertThat(api.get("components").get("responses").get("waitlist-full").toString())
                .contains("urn:fms:problem:waitlist-full");
        JsonNode get = api.get("paths").get("/api/v1/bookings/{bookingId}").get("get");
        assertThat(get.get("parameters").toString()).contains("while", "WAITLISTED");
        assertThat(get.get("responses").get("200").toString()).contains("holdExpiresAt", "waitlistPosition");
        assertThat(api.get("paths").get("/api/v1/bookings").get("post").toString())
                .contains("\"hold\":{\"seconds\":600}", "\"waitlist\":true");
    }

    private int partitionOf(UUID tripId) {
        // The same partition intake names the booking ID after.
        return BookingIds.partitionOf(bookingId(submit(tripId, "").assertStatus(202)))
                .orElseThrow();
    }

    private Http.Response submit(UUID tripId, String extraFields) {
        return http.postJson("/api/v1/bookings", body(tripId, extraFields));
    }

    private Http.Response submitWithKey(UUID tripId, String key, String extraFields) {
        return http.postJson("/api/v1/bookings", body(tripId, extraFields), "Idempotency-Key", key);
    }

    private static String body(UUID tripId, String extraFields) {
        return "{\"tripId\": \"" + tripId + "\", \"passengers\": [{\"name\": \"Ada Lovelace\"}]"
                + (extraFields.isEmpty() ? "" : ", " + extraFields) + "}";
    }

    private static UUID bookingId(Http.Response response) {
        return UUID.fromString(response.json().get("bookingId").asString());
    }

    private static ConsumerRecord<String, byte[]> commandRecord(UUID bookingId) {
        List<ConsumerRecord<String, byte[]>> records = CommandTopic.recordsOf(bookingId);
        assertThat(records).hasSize(1);
        return records.getFirst();
    }

    private static BookingRequested requested(UUID bookingId) {
        return (BookingRequested) CommandTopic.command(commandRecord(bookingId));
    }

    private void writeAvailability(UUID tripId, int available, int waitlistParties) {
        writeAvailability(tripId, available, waitlistParties, false);
    }

    private void writeAvailability(UUID tripId, int available, int waitlistParties, boolean closed) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.availability(tripId),
                        new String(
                                BookingJson.writePlain(new Availability(
                                        tripId, 60, available, closed, Instant.now(), waitlistParties)),
                                StandardCharsets.UTF_8));
    }

    private void writeProgress(int partition, long nextOffset, double decisionsPerSecond) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.partitionProgress(partition),
                        new String(
                                BookingJson.writePlain(new PartitionProgress(
                                        partition, nextOffset, decisionsPerSecond, Instant.now())),
                                StandardCharsets.UTF_8));
    }
}
