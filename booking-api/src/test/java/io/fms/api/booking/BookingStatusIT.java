package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.events.RejectionReason;
import io.fms.events.Topics;
import io.fms.testkit.TestKafka;
import io.fms.testkit.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

class BookingStatusIT extends SharedApiContext {

    @Autowired
    DecisionWaiters waiters;

    @Test
    void anAcceptedBookingIsReadablePendingAtOnce() {
        UUID tripId = createTrip();
        String location = http.postJson("/api/v1/bookings", oneSeat(tripId))
                .assertStatus(202)
                .header("Location");

        JsonNode booking = http.get(location).assertStatus(200).json();

        assertThat(booking.get("status").asString()).isEqualTo("PENDING");
        assertThat(booking.get("tripId").asString()).isEqualTo(tripId.toString());
        assertThat(booking.get("createdAt").asString()).isNotBlank();
        assertThat(booking.get("decidedAt").isNull()).isTrue();
    }

    @Test
    void aQueuedBookingRedisForgotIsPendingUntilItsPartitionIsDecidedPastIt() throws Exception {
        createProcessorTables();
        UUID tripId = createTrip();
        UUID bookingId = bookOneSeat(tripId);
        // Redis lost everything it knew of the booking; no processor runs here, so the command waits in the log.
        redis.delete(ReadModelKeys.booking(bookingId));

        JsonNode pending =
                http.get("/api/v1/bookings/" + bookingId).assertStatus(200).json();
        assertThat(pending.get("bookingId").asString()).isEqualTo(bookingId.toString());
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        http.delete("/api/v1/bookings/" + bookingId).assertProblem(503, "unavailable");

        // The processor decided the whole partition without it (say, a dead letter): now it is truly unknown.
        int partition = BookingIds.partitionOf(bookingId).orElseThrow();
        jdbc.sql("insert into booking.consumer_offsets (topic, partition, next_offset) values (?, ?, ?)"
                        + " on conflict (topic, partition) do update set next_offset = excluded.next_offset")
                .params(Topics.BOOKING_COMMANDS, partition, endOffset(partition))
                .update();
        http.get("/api/v1/bookings/" + bookingId).assertProblem(404, "not-found");

        // An ID of another scheme (a random version-4 UUID) names no partition: unknown at once.
        http.get("/api/v1/bookings/" + UUID.randomUUID()).assertProblem(404, "not-found");
    }

    private static long endOffset(int partition) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            TopicPartition topicPartition = new TopicPartition(Topics.BOOKING_COMMANDS, partition);
            return admin.listOffsets(Map.of(topicPartition, OffsetSpec.latest()))
                    .partitionResult(topicPartition)
                    .get(10, TimeUnit.SECONDS)
                    .offset();
        }
    }

    @Test
    void aDecisionNoLongerInRedisIsReadFromPostgres() {
        createProcessorTables();
        UUID bookingId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();
        jdbc.sql("insert into booking.bookings (id, trip_id, status, reason, unavailable_seats, seats, passengers,"
                        + " contact_email, requested_at, decided_at) values (?, ?, 'REJECTED', 'SEAT_UNAVAILABLE',"
                        + " '{4C}', '{}', cast(? as jsonb), 'ada@example.com', now() - interval '8 days',"
                        + " now() - interval '8 days')")
                .params(bookingId, tripId, "[{\"name\": \"Ada Lovelace\"}]")
                .update();

        JsonNode booking =
                http.get("/api/v1/bookings/" + bookingId).assertStatus(200).json();

        assertThat(booking.get("status").asString()).isEqualTo("REJECTED");
        assertThat(booking.get("reason").asString()).isEqualTo("SEAT_UNAVAILABLE");
        assertThat(booking.get("unavailableSeats").get(0).asString()).isEqualTo("4C");
        assertThat(booking.get("passengers").get(0).get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(booking.get("tripId").asString()).isEqualTo(tripId.toString());
    }

    @Test
    void withPostgresAwayStatusReadsRedisCannotAnswerAre503AndIntakeGoesOn() throws SQLException {
        UUID tripId = createTrip();
        // Intake knows the trip from here on: the catalog is read once per trip, not once per request.
        String queued = http.postJson("/api/v1/bookings", oneSeat(tripId))
                .assertStatus(202)
                .header("Location");
        UUID notInRedis = UUID.randomUUID();
        String database =
                jdbc.sql("select current_database()").query(String.class).single();

        try (Connection server = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/postgres",
                        TestPostgres.USER,
                        TestPostgres.PASSWORD);
                Statement admin = server.createStatement()) {
            // As good as a stopped server for this service: its connections cut, no new one admitted.
            admin.execute("alter database " + database + " allow_connections false");
            try {
                admin.execute(
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
                Instant start = Instant.now();

                Http.Response fallback = http.get("/api/v1/bookings/" + notInRedis);

                fallback.assertProblem(503, "unavailable");
                assertThat(fallback.header("Retry-After")).isNotBlank();
                // Bounded by the pool's connection timeout (5 s), not by TCP's patience.
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
                assertThat(http.get(queued)
                                .assertStatus(200)
                                .json()
                                .get("status")
                                .asString())
                        .isEqualTo("PENDING");
                http.postJson("/api/v1/bookings", oneSeat(tripId)).assertStatus(202);
            } finally {
                admin.execute("alter database " + database + " allow_connections true");
            }
        }
        // Back: the pool reconnects on its own.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/api/v1/bookings/" + notInRedis).status() == 404);
    }

    @Test
    void unknownBookingsAreNotFound() {
        http.get("/api/v1/bookings/" + UUID.randomUUID()).assertProblem(404, "not-found");
        http.get("/api/v1/bookings/12345").assertProblem(404, "not-found");
        http.get("/api/v1/bookings/" + UUID.randomUUID() + "?waitSeconds=5").assertProblem(404, "not-found");
    }

    @Test
    void waitSecondsIsBounded() {
        UUID bookingId = submit();

        assertThat(http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=31").invalidFields())
                .containsExactly("waitSeconds");
        assertThat(http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=-1").invalidFields())
                .containsExactly("waitSeconds");
        assertThat(http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=soon")
                        .invalidFields())
                .containsExactly("waitSeconds");
    }

    @Test
    void aLongPollAnswersAsSoonAsTheDecisionIsAnnounced() {
        UUID bookingId = submit();
        CompletableFuture<Http.Response> poll = http.getAsync("/api/v1/bookings/" + bookingId + "?waitSeconds=25");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > 0);
        assertThat(poll).isNotDone();

        Instant decided = Instant.now();
        writeDecision(bookingId, BookingStatus.CONFIRMED);
        redis.convertAndSend(ReadModelKeys.DECISIONS_CHANNEL, bookingId.toString());

        JsonNode booking =
                poll.orTimeout(10, TimeUnit.SECONDS).join().assertStatus(200).json();
        assertThat(Duration.between(decided, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(booking.get("seats").get(0).asString()).isEqualTo("7A");
    }

    @Test
    void aLongPollFindsTheDecisionEvenWhenTheAnnouncementIsLost() {
        UUID bookingId = submit();
        CompletableFuture<Http.Response> poll = http.getAsync("/api/v1/bookings/" + bookingId + "?waitSeconds=25");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > 0);

        Instant decided = Instant.now();
        writeDecision(bookingId, BookingStatus.REJECTED);

        JsonNode booking =
                poll.orTimeout(10, TimeUnit.SECONDS).join().assertStatus(200).json();
        assertThat(Duration.between(decided, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(booking.get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void aLongPollAnswersPendingWhenItsTimeIsUp() {
        UUID bookingId = submit();
        Instant start = Instant.now();

        JsonNode booking = http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=1")
                .assertStatus(200)
                .json();

        assertThat(booking.get("status").asString()).isEqualTo("PENDING");
        assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
    }

    @Test
    void aDecidedBookingIsAnsweredAtOnceWhateverTheWait() {
        UUID bookingId = submit();
        writeDecision(bookingId, BookingStatus.CONFIRMED);
        Instant start = Instant.now();

        http.get("/api/v1/bookings/" + bookingId + "?waitSeconds=20").assertStatus(200);

        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    private UUID submit() {
        return UUID.fromString(http.postJson("/api/v1/bookings", oneSeat(createTrip()))
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString());
    }

    private void writeDecision(UUID bookingId, BookingStatus status) {
        writeDecision(redis, bookingId, status);
    }

    /** What the processor does after its transaction commits. */
    static void writeDecision(StringRedisTemplate redis, UUID bookingId, BookingStatus status) {
        BookingView pending = BookingJson.readPlain(
                redis.opsForValue().get(ReadModelKeys.booking(bookingId)).getBytes(StandardCharsets.UTF_8),
                BookingView.class);
        boolean confirmed = status == BookingStatus.CONFIRMED;
        BookingView decided = BookingView.builder(bookingId, pending.tripId(), status)
                .request(List.of(new Passenger("Ada Lovelace")), null, null, pending.createdAt())
                .decision(
                        confirmed ? List.of("7A") : List.of(),
                        confirmed ? null : RejectionReason.SOLD_OUT,
                        List.of(),
                        Instant.now())
                .build();
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(bookingId),
                        new String(BookingJson.writePlain(decided), StandardCharsets.UTF_8));
    }
}
