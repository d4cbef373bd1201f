package io.fms.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.NotificationLists;
import io.fms.api.SharedApiContext;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.testkit.OwnedSchemas;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class NotificationsIT extends SharedApiContext {

    private static final Instant T0 = Instant.parse("2031-05-01T10:00:00Z");

    @BeforeEach
    void notifyTables() {
        OwnedSchemas.migrate(dataSource, "notification-worker", "notify");
    }

    @Test
    void eachDeliveryIsShownByEventAndChannelWithItsLatestAttemptsNewestFirst() {
        UUID bookingId = knownInRedis();
        UUID held = event(bookingId, 1, "BookingHeld");
        UUID expired = event(bookingId, 2, "BookingExpired");
        // Written out of order, as concurrent workers may: the answer is ordered by sequence, then channel.
        delivery(
                expired, bookingId, "WEBHOOK", "https://client.example.com/hooks/fms", "SKIPPED", 0, null, "no secret");
        long retrying =
                delivery(expired, bookingId, "EMAIL", "ada@example.com", "PENDING", 1, T0.plusSeconds(90), "SMTP: 451");
        long dead = delivery(
                held, bookingId, "WEBHOOK", "https://client.example.com/hooks/fms", "DEAD", 25, null, "gave up");
        long delivered = delivery(held, bookingId, "EMAIL", "ada@example.com", "DELIVERED", 1, null, null);
        attempt(delivered, 1, "SUCCESS", null, null);
        attempt(retrying, 1, "SMTP_ERROR", null, "SMTP: 451");
        for (int n = 1; n <= 25; n++) {
            attempt(dead, n, "HTTP_ERROR", 500 + n % 4, "receiver answered HTTP " + (500 + n % 4));
        }
        // Another booking's deliveries stay out of this answer.
        UUID other = UUID.randomUUID();
        delivery(event(other, 1, "BookingConfirmed"), other, "EMAIL", "bob@example.com", "DELIVERED", 0, null, null);

        JsonNode body = http.get("/api/v1/bookings/" + bookingId + "/notifications")
                .assertStatus(200)
                .json();

        assertThat(body.get("bookingId").asString()).isEqualTo(bookingId.toString());
        JsonNode notifications = body.get("notifications");
        assertThat(notifications.size()).isEqualTo(4);
        assertThat(IntStream.range(0, 4)
                        .mapToObj(i -> notifications.get(i).get("sequence").asLong() + " "
                                + notifications.get(i).get("channel").asString() + " "
                                + notifications.get(i).get("status").asString()))
                .containsExactly("1 EMAIL DELIVERED", "1 WEBHOOK DEAD", "2 EMAIL PENDING", "2 WEBHOOK SKIPPED");

        JsonNode email = notifications.get(0);
        assertThat(email.get("eventId").asString()).isEqualTo(held.toString());
        assertThat(email.get("eventType").asString()).isEqualTo("BookingHeld");
        assertThat(email.get("destination").asString()).isEqualTo("ada@example.com");
        assertThat(email.get("attemptCount").asInt()).isEqualTo(1);
        assertThat(email.get("nextAttemptAt").isNull()).isTrue();
        assertThat(email.get("lastError").isNull()).isTrue();
        assertThat(Instant.parse(email.get("createdAt").asString())).isEqualTo(T0);
        assertThat(Instant.parse(email.get("firstAttemptAt").asString())).isEqualTo(T0.plusSeconds(1));
        assertThat(Instant.parse(email.get("completedAt").asString())).isEqualTo(T0.plusSeconds(2));
        assertThat(email.has("id"))
                .as("the worker's row id is not part of the answer")
                .isFalse();
        JsonNode success = email.get("attempts").get(0);
        assertThat(success.get("attempt").asInt()).isEqualTo(1);
        assertThat(success.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(success.get("statusCode").isNull()).isTrue();
        assertThat(success.get("error").isNull()).isTrue();
        assertThat(success.get("latencyMs").asLong()).isEqualTo(42);
        assertThat(Instant.parse(success.get("attemptedAt").asString())).isEqualTo(T0.plusSeconds(1));

        JsonNode webhook = notifications.get(1);
        assertThat(webhook.get("attemptCount").asInt()).isEqualTo(25);
        assertThat(webhook.get("lastError").asString()).isEqualTo("gave up");
        JsonNode attempts = webhook.get("attempts");
        assertThat(attempts.size()).as("capped at the latest 20").isEqualTo(20);
        assertThat(IntStream.range(0, 20)
                        .map(i -> attempts.get(i).get("attempt").asInt()))
                .containsExactlyElementsOf(
                        IntStream.iterate(25, n -> n - 1).limit(20).boxed().toList());
        assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(501);
        assertThat(attempts.get(0).get("error").asString()).isEqualTo("receiver answered HTTP 501");

        JsonNode pending = notifications.get(2);
        assertThat(pending.get("eventId").asString()).isEqualTo(expired.toString());
        assertThat(pending.get("eventType").asString()).isEqualTo("BookingExpired");
        assertThat(Instant.parse(pending.get("nextAttemptAt").asString())).isEqualTo(T0.plusSeconds(90));
        assertThat(pending.get("attempts").get(0).get("outcome").asString()).isEqualTo("SMTP_ERROR");

        JsonNode skippedWebhook = notifications.get(3);
        assertThat(skippedWebhook.get("lastError").asString()).isEqualTo("no secret");
        assertThat(skippedWebhook.get("attempts").isEmpty()).isTrue();
        assertThat(skippedWebhook.get("firstAttemptAt").isNull()).isTrue();
    }

    @Test
    void aKnownBookingWithoutNotificationsYetHasAnEmptyList() {
        // Known from Postgres only (its Redis entry expired), as the status endpoint finds it.
        createProcessorTables();
        UUID bookingId = UUID.randomUUID();
        jdbc.sql("insert into booking.bookings (id, trip_id, status, passengers, requested_at, decided_at)"
                        + " values (?, ?, 'CONFIRMED', cast('[{\"name\": \"Ada\"}]' as jsonb), now(), now())")
                .params(bookingId, UUID.randomUUID())
                .update();

        NotificationLists.assertEmpty(http, bookingId);
    }

    @Test
    void unknownBookingsAreNotFoundEvenWithDeliveriesOnRecord() {
        UUID unknown = UUID.randomUUID();
        delivery(
                event(unknown, 1, "BookingConfirmed"), unknown, "EMAIL", "ada@example.com", "DELIVERED", 0, null, null);

        http.get("/api/v1/bookings/" + unknown + "/notifications").assertProblem(404, "not-found");
        http.get("/api/v1/bookings/not-a-uuid/notifications").assertProblem(404, "not-found");
    }

    @Test
    void theOpenApiDocumentSaysAttemptsAreCapped() {
        JsonNode operation = http.get("/v3/api-docs")
                .assertStatus(200)
                .json()
                .get("paths")
                .get("/api/v1/bookings/{bookingId}/notifications")
                .get("get");

        assertThat(operation.get("description").asString()).contains("at most 20", "newest first");
        assertThat(operation.get("responses").properties().stream().map(java.util.Map.Entry::getKey))
                .contains("200", "404", "503");
        assertThat(operation.get("responses").get("200").toString()).contains("\"attempts\"");
    }

    @Test
    void theOpenApiDocumentNamesEveryEventTypeANotificationCanBeFor() {
        JsonNode document = http.get("/v3/api-docs").assertStatus(200).json();
        JsonNode eventType = document.get("components").get("schemas").properties().stream()
                .map(schema -> schema.getValue().path("properties").path("eventType"))
                .filter(JsonNode::isObject)
                .findFirst()
                .orElseThrow();
        List<String> types = Arrays.stream(BookingEvent.class.getPermittedSubclasses())
                .map(Class::getSimpleName)
                .toList();

        assertThat(types).hasSize(6).contains("BookingHeld", "BookingExpired");
        assertThat(eventType.get("description").asString()).contains(types);
        assertThat(document.get("paths")
                        .get("/api/v1/bookings/{bookingId}/notifications")
                        .toString())
                .as("the example and the description")
                .contains("BookingHeld", "BookingWaitlisted");
    }

    /** A booking as the processor leaves it in the read model. */
    private UUID knownInRedis() {
        UUID bookingId = UUID.randomUUID();
        BookingView view = new BookingView(
                bookingId,
                UUID.randomUUID(),
                BookingStatus.EXPIRED,
                List.of(),
                List.of(new Passenger("Ada Lovelace")),
                null,
                List.of(),
                "ada@example.com",
                "https://client.example.com/hooks/fms",
                T0,
                T0.plusSeconds(600),
                T0.plusSeconds(600),
                null,
                null,
                null,
                null,
                null);
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(bookingId),
                        new String(BookingJson.writePlain(view), StandardCharsets.UTF_8),
                        ReadModelKeys.BOOKING_TTL);
        return bookingId;
    }

    private UUID event(UUID bookingId, long sequence, String type) {
        UUID eventId = UUID.randomUUID();
        jdbc.sql("insert into notify.events (event_id, booking_id, sequence, event_type, payload, kafka_partition,"
                        + " kafka_offset, received_at) values (?, ?, ?, ?, ?, 0, ?, ?)")
                .params(eventId, bookingId, sequence, type, "{}".getBytes(StandardCharsets.UTF_8), sequence, ts(T0))
                .update();
        return eventId;
    }

    private long delivery(
            UUID eventId,
            UUID bookingId,
            String channel,
            String destination,
            String status,
            int attemptCount,
            Instant nextAttemptAt,
            String lastError) {
        boolean attempted = attemptCount > 0;
        boolean done = !status.equals("PENDING");
        return jdbc.sql("insert into notify.deliveries (event_id, booking_id, channel, destination, status,"
                        + " attempt_count, next_attempt_at, last_error, created_at, first_attempt_at, completed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
                .params(
                        eventId,
                        bookingId,
                        channel,
                        destination,
                        status,
                        attemptCount,
                        nextAttemptAt == null ? null : ts(nextAttemptAt),
                        lastError,
                        ts(T0),
                        attempted ? ts(T0.plusSeconds(1)) : null,
                        done ? ts(T0.plusSeconds(2)) : null)
                .query(Long.class)
                .single();
    }

    private void attempt(long deliveryId, int attempt, String outcome, Integer statusCode, String error) {
        jdbc.sql("insert into notify.attempts (delivery_id, attempt, attempted_at, outcome, status_code, latency_ms,"
                        + " error) values (?, ?, ?, ?, ?, 42, ?)")
                .params(deliveryId, attempt, ts(T0.plusSeconds(attempt)), outcome, statusCode, error)
                .update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
