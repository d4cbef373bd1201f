package io.fms.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.Passenger;
import io.fms.events.ReadModelKeys;
import io.fms.testkit.FmsTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API when things are missing: its producer points at a port where no broker listens, it has no admin key,
 * its database has never seen the processor or the worker (no {@code booking} or {@code notify} schema), and, as in
 * the local stack, it accepts webhooks to loopback addresses.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.api.admin-api-key=",
            "fms.api.publish-timeout-ms=1000",
            "fms.api.retry-after-ms=7000",
            "fms.api.webhook-allow-loopback=true"
        })
class WithoutBrokerOrAdminKeyIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register(registry);
        int closedPort = closedPort();
        registry.add("spring.kafka.producer.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aBookingThatKafkaDoesNotAcknowledgeIs503AndLeavesNoBooking() {
        UUID tripId = trip();
        String key = "unqueued-" + UUID.randomUUID();
        Instant start = Instant.now();

        // A loopback callback passes validation here (it gets as far as Kafka), as the local stack needs.
        Http.Response response = http.postJson("/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "Ada"}], "callbackUrl": "http://127.0.0.1:4000/hook"}""".formatted(tripId), "Idempotency-Key", key);

        response.assertProblem(503, "unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(redis.keys("fms:booking:*"))
                .allSatisfy(k -> assertThat(redis.opsForValue().get(k)).doesNotContain(tripId.toString()));
        // The key remembers the booking ID it chose, so that a retry queues that booking and no other.
        assertThat(redis.opsForValue().get("fms:idem:" + sha256(key))).isNotNull();
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics).contains("fms_api_unavailable_total{dependency=\"kafka\"");
    }

    @Test
    void allowingLoopbackAllowsNothingElsePrivate() {
        assertThat(http.postJson("/api/v1/bookings", """
                                {"tripId": "%s", "passengers": [{"name": "Ada"}], "callbackUrl": "http://192.168.1.5/x"}""".formatted(trip())).invalidFields())
                .containsExactly("callbackUrl");
    }

    @Test
    void catalogWritesAreRefusedWithoutAConfiguredAdminKey() {
        JsonNode problem = http.postJson("/api/v1/flights", """
                        {"flightNumber": "ZZ1", "origin": "LHR", "destination": "JFK"}""", "Authorization", "Bearer ")
                .assertProblem(403, "admin-key-not-configured");

        assertThat(problem.get("detail").asString()).contains("FMS_ADMIN_API_KEY");
        assertThat(jdbc.sql("select count(*) from catalog.flights")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void withoutTheProcessorsTablesTripsHaveAllTheirSeatsAndBookingsAreUnknown() {
        UUID tripId = trip();

        assertThat(http.get("/api/v1/trips/" + tripId)
                        .assertStatus(200)
                        .json()
                        .get("availableSeats")
                        .asInt())
                .isEqualTo(12);
        assertThat(http.get("/api/v1/trips/" + tripId + "/seats")
                        .assertStatus(200)
                        .json()
                        .get("availableSeats")
                        .asInt())
                .isEqualTo(12);
        http.get("/api/v1/bookings/" + UUID.randomUUID()).assertProblem(404, "not-found");
    }

    @Test
    void withoutTheWorkersTablesAKnownBookingHasNoNotificationsYet() {
        UUID bookingId = UUID.randomUUID();
        BookingView pending = BookingView.builder(bookingId, UUID.randomUUID(), BookingStatus.PENDING)
                .request(List.of(new Passenger("Ada")), "ada@example.com", null, Instant.now())
                .build();
        redis.opsForValue()
                .set(
                        ReadModelKeys.booking(bookingId),
                        new String(BookingJson.writePlain(pending), StandardCharsets.UTF_8),
                        Duration.ofMinutes(5));
        assertThat(jdbc.sql("select count(*) from information_schema.schemata where schema_name = 'notify'")
                        .query(Integer.class)
                        .single())
                .isZero();

        NotificationLists.assertEmpty(http, bookingId);
        http.get("/api/v1/bookings/" + UUID.randomUUID() + "/notifications").assertProblem(404, "not-found");
    }

    /** Catalog writes are refused in this context, so the trip is put in as an operator's database script would. */
    private UUID trip() {
        UUID flightId = UUID.randomUUID();
        UUID tripId = UUID.randomUUID();
        jdbc.sql("insert into catalog.flights (id, flight_number, origin, destination) values (?, ?, 'LHR', 'JFK')")
                .params(flightId, "ZZ" + Math.abs(flightId.hashCode() % 10000))
                .update();
        jdbc.sql("insert into catalog.trips (id, flight_id, departure_time, seat_rows, seat_columns, capacity)"
                        + " values (?, ?, now() + interval '30 days', 3, 'ABCD', 12)")
                .params(tripId, flightId)
                .update();
        return tripId;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String value) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
