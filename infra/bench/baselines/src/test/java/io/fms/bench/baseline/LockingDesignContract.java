package io.fms.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.TestPostgres;
import io.fms.testkit.TestRedis;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What every storing design must hold to, against a real Postgres and Redis: the HTTP contract the load generator
 * relies on, and under a crowd of concurrent requests for too few seats, no seat sold twice, no trip over capacity,
 * one booking row per answered request and the same answer for a retried key. Subclasses pick the design.
 */
abstract class LockingDesignContract {

    private static final int REQUESTS = 300;
    private static final int REPEATED_KEYS = 20;
    private static final int ROWS = 5;
    private static final String COLUMNS = "ABCDEF";
    private static final int CAPACITY = ROWS * COLUMNS.length();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabaseUrl();
        int redisPort = TestRedis.port();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.data.redis.host", () -> "localhost");
        registry.add("spring.data.redis.port", () -> redisPort);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BaselineProperties properties;

    BaselineHttp http;

    @BeforeEach
    void client() {
        http = new BaselineHttp(port);
    }

    /** Whether a SEAT_UNAVAILABLE always means a seat ended up sold to another (not merely held for a while). */
    abstract boolean seatUnavailableMeansSold();

    private String schema() {
        return properties.design().schema();
    }

    private record Sent(String key, String body, int passengers, List<String> seats) {}

    private record Answered(Sent sent, BaselineHttp.Response response) {}

    @Test
    void aCancelledBookingFreesItsSeatsForTheNextBuyer() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        String body = BaselineHttp.bookingBody(trip, 2, List.of("1A", "1B"));
        String first = http.book(body, "cancel-first")
                .assertStatus(200)
                .json()
                .get("bookingId")
                .asString();
        http.book(body, "cancel-second").assertStatus(409);

        BaselineHttp.Response cancelled = http.delete("/bookings/" + first).assertStatus(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        http.delete("/bookings/" + first).assertStatus(200);

        String third = http.book(body, "cancel-third")
                .assertStatus(200)
                .json()
                .get("bookingId")
                .asString();
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM " + schema() + ".booking WHERE booking_id = ?::uuid", String.class, first))
                .isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM " + schema() + ".seat WHERE trip_id = ? AND booking_id = ?::uuid",
                        Integer.class,
                        trip,
                        third))
                .isEqualTo(2);
        http.delete("/bookings/" + UUID.randomUUID()).assertProblem(404, "not-found");
    }

    @Test
    void aRejectedBookingCannotBeCancelled() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        String body = BaselineHttp.bookingBody(trip, 1, List.of("2C"));
        http.book(body, "reject-first").assertStatus(200);
        String rejected = http.book(body, "reject-second")
                .assertStatus(409)
                .json()
                .get("bookingId")
                .asString();
        http.delete("/bookings/" + rejected).assertProblem(409, "conflict");
    }

    @Test
    void aCrowdForTooFewSeatsNeverDoubleSellsAndEveryAnswerIsRecorded() throws Exception {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        List<Sent> crowd = crowd(trip, new Random(4));

        List<Answered> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Answered>> pending = new ArrayList<>();
            for (Sent sent : crowd) {
                pending.add(threads.submit(() -> new Answered(sent, http.book(sent.body(), sent.key()))));
            }
            for (Future<Answered> answer : pending) {
                answers.add(answer.get());
            }
        }

        Map<String, JsonNode> byKey = new HashMap<>();
        for (Answered answered : answers) {
            int status = answered.response().status();
            assertThat(status).as(answered.response().body()).isIn(200, 409);
            JsonNode body = answered.response().json();
            assertThat(body.path("status").asString()).isEqualTo(status == 200 ? "CONFIRMED" : "REJECTED");
            JsonNode first = byKey.putIfAbsent(answered.sent().key(), body);
            if (first != null) {
                assertThat(body).as("same key, same answer").isEqualTo(first);
            }
            if (status == 200) {
                assertThat(body.path("seats").size()).isEqualTo(answered.sent().passengers());
                if (!answered.sent().seats().isEmpty()) {
                    assertThat(strings(body.path("seats")))
                            .containsExactlyInAnyOrderElementsOf(answered.sent().seats());
                }
            }
        }

        assertThat(doubleBookedSeats()).isZero();
        Integer confirmedSeats = jdbc.queryForObject(
                "SELECT count(*) FROM %1$s.booking_seat s JOIN %1$s.booking b USING (booking_id)".formatted(schema())
                        + " WHERE b.status = 'CONFIRMED' AND s.trip_id = ?",
                Integer.class,
                trip);
        assertThat(confirmedSeats).isBetween(1, CAPACITY);
        // The seat rows and the booking_seat rows tell the same story.
        Integer marked = jdbc.queryForObject(
                "SELECT count(*) FROM %s.seat WHERE trip_id = ? AND booking_id IS NOT NULL".formatted(schema()),
                Integer.class,
                trip);
        assertThat(marked).isEqualTo(confirmedSeats);
        Integer disagreeing = jdbc.queryForObject(
                "SELECT count(*) FROM %1$s.booking_seat bs JOIN %1$s.seat s USING (trip_id, seat_label)"
                                .formatted(schema())
                        + " WHERE bs.trip_id = ? AND s.booking_id IS DISTINCT FROM bs.booking_id",
                Integer.class,
                trip);
        assertThat(disagreeing).isZero();

        // One booking row per key answered, holding the answered decision.
        assertThat(bookingsOf(trip)).isEqualTo(byKey.size());
        for (Map.Entry<String, JsonNode> answer : byKey.entrySet()) {
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT booking_id, status, reason FROM %s.booking WHERE idempotency_key = ?".formatted(schema()),
                    answer.getKey());
            JsonNode body = answer.getValue();
            assertThat(row.get("booking_id").toString())
                    .isEqualTo(body.path("bookingId").asString());
            assertThat(row.get("status")).isEqualTo(body.path("status").asString());
            if ("REJECTED".equals(row.get("status"))) {
                assertThat(row.get("reason")).isEqualTo(body.path("reason").asString());
            }
        }

        // Seats are never given back here, so a truthful SOLD_OUT stays true: fewer seats are free at the end.
        int freeAtEnd = CAPACITY - confirmedSeats;
        for (Answered answered : answers) {
            JsonNode body = answered.response().json();
            if ("SOLD_OUT".equals(body.path("reason").asString())) {
                assertThat(answered.sent().passengers()).as("a SOLD_OUT party").isGreaterThan(freeAtEnd);
            }
            if (seatUnavailableMeansSold()
                    && "SEAT_UNAVAILABLE".equals(body.path("reason").asString())) {
                Integer sold = jdbc.queryForObject(
                        "SELECT count(*) FROM %s.seat WHERE trip_id = ? AND seat_label = ANY (?) AND booking_id IS NOT NULL"
                                .formatted(schema()),
                        Integer.class,
                        trip,
                        answered.sent().seats().toArray(String[]::new));
                assertThat(sold)
                        .as("seats of a SEAT_UNAVAILABLE answer sold to others")
                        .isPositive();
            }
        }

        // A retry after the crowd has gone gets the same answer and books nothing new.
        for (Sent sent : crowd.subList(0, 30)) {
            BaselineHttp.Response again = http.book(sent.body(), sent.key());
            assertThat(again.json()).isEqualTo(byKey.get(sent.key()));
        }
        assertThat(bookingsOf(trip)).isEqualTo(byKey.size());
        assertThat(doubleBookedSeats()).isZero();
    }

    /**
     * A third auto-assigned parties of 1-3, the rest explicit seats side by side, mostly in the two front rows (as
     * popular seats are over-requested); some keys sent twice at once, as a client retrying a slow answer would.
     */
    private static List<Sent> crowd(UUID trip, Random random) {
        List<Sent> crowd = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            int passengers = 1 + random.nextInt(3);
            List<String> seats = new ArrayList<>();
            if (i % 3 != 0) {
                int row = random.nextInt(4) == 0 ? 1 + random.nextInt(ROWS) : 1 + random.nextInt(2);
                int first = random.nextInt(COLUMNS.length() - passengers + 1);
                for (int p = 0; p < passengers; p++) {
                    seats.add(row + COLUMNS.substring(first + p, first + p + 1));
                }
            }
            crowd.add(new Sent(
                    "crowd-" + trip + "-" + i, BaselineHttp.bookingBody(trip, passengers, seats), passengers, seats));
        }
        for (int i = 0; i < REPEATED_KEYS; i++) {
            crowd.add(crowd.get(i * 7));
        }
        java.util.Collections.shuffle(crowd, random);
        return crowd;
    }

    @Test
    void theContractsAnswers() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, 2, "AB").assertStatus(204);
        http.putTrip(trip, 2, "AB").assertStatus(204);
        http.putTrip(trip, 3, "AB").assertProblem(409, "conflict");
        http.putTrip(UUID.randomUUID(), 0, "AB").assertProblem(400, "validation");
        http.putTrip(UUID.randomUUID(), 2, "AA").assertProblem(400, "validation");
        http.get("/health").assertStatus(200);
        assertThat(http.get("/health").json().path("status").asString()).isEqualTo("UP");

        // 404 unknown trip, 400 malformed: neither leaves a booking row.
        http.book(BaselineHttp.bookingBody(UUID.randomUUID(), 1, List.of()), null)
                .assertProblem(404, "not-found");
        http.book("{\"tripId\": ", null).assertProblem(400, "malformed-request");
        http.book(BaselineHttp.bookingBody(trip, 0, List.of()), null).assertProblem(400, "validation");
        http.book(BaselineHttp.bookingBody(trip, 2, List.of("1A")), null).assertProblem(400, "validation");
        http.book(BaselineHttp.bookingBody(trip, 2, List.of("1A", "1A")), null).assertProblem(400, "validation");
        http.book(BaselineHttp.bookingBody(trip, 10, List.of()), null).assertProblem(400, "validation");
        http.book(BaselineHttp.bookingBody(trip, 1, List.of("A1")), null).assertProblem(400, "validation");
        http.book("{\"tripId\": \"nope\", \"passengers\": [{\"name\": \"A\"}]}", null)
                .assertProblem(400, "validation");
        assertThat(bookingsOf(trip)).isZero();

        // A seat that is not in the layout is unavailable; one already sold too; a party too big is SOLD_OUT.
        JsonNode missing = http.book(BaselineHttp.bookingBody(trip, 1, List.of("9C")), null)
                .assertStatus(409)
                .json();
        assertThat(missing.path("reason").asString()).isEqualTo("SEAT_UNAVAILABLE");
        JsonNode confirmed = http.book(BaselineHttp.bookingBody(trip, 2, List.of("1B", "1A")), "k1")
                .assertStatus(200)
                .json();
        assertThat(strings(confirmed.path("seats"))).containsExactly("1A", "1B");
        assertThat(http.book(BaselineHttp.bookingBody(trip, 2, List.of("1B", "1A")), "k1")
                        .json())
                .isEqualTo(confirmed);
        JsonNode taken = http.book(BaselineHttp.bookingBody(trip, 1, List.of("1A")), "k2")
                .assertStatus(409)
                .json();
        assertThat(taken.path("reason").asString()).isEqualTo("SEAT_UNAVAILABLE");
        JsonNode soldOut = http.book(BaselineHttp.bookingBody(trip, 3, List.of()), "k3")
                .assertStatus(409)
                .json();
        assertThat(soldOut.path("reason").asString()).isEqualTo("SOLD_OUT");
        JsonNode assigned = http.book(BaselineHttp.bookingBody(trip, 2, List.of()), "k4")
                .assertStatus(200)
                .json();
        assertThat(strings(assigned.path("seats"))).containsExactly("2A", "2B");
        assertThat(bookingsOf(trip)).isEqualTo(5);

        http.delete("/data").assertStatus(204);
        http.book(BaselineHttp.bookingBody(trip, 1, List.of()), null).assertProblem(404, "not-found");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM %s.booking".formatted(schema()), Integer.class))
                .isZero();
    }

    @Test
    void aHoldKeepsItsSeatsUntilPaidAndAPaymentIsAnsweredTheSameWhenRepeated() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        JsonNode held = http.book(BaselineHttp.holdBody(trip, List.of("3B", "3A"), 30), "hold-1")
                .assertStatus(200)
                .json();
        assertThat(held.path("status").asString()).isEqualTo("HELD");
        assertThat(strings(held.path("seats"))).containsExactly("3A", "3B");
        java.time.Instant deadline =
                java.time.Instant.parse(held.path("holdExpiresAt").asString());
        assertThat(deadline)
                .isBetween(
                        java.time.Instant.now().plusSeconds(25),
                        java.time.Instant.now().plusSeconds(31));
        assertThat(http.book(BaselineHttp.holdBody(trip, List.of("3B", "3A"), 30), "hold-1")
                        .json())
                .as("a retried key answers the hold")
                .isEqualTo(held);
        assertThat(http.book(BaselineHttp.bookingBody(trip, 1, List.of("3A")), null)
                        .assertStatus(409)
                        .json()
                        .path("reason")
                        .asString())
                .as("a held seat is taken")
                .isEqualTo("SEAT_UNAVAILABLE");
        String id = held.path("bookingId").asString();
        http.delete("/bookings/" + id).assertProblem(409, "conflict");

        JsonNode paid = http.pay(id, "psp_8842").assertStatus(200).json();
        assertThat(paid.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(paid.path("paymentReference").asString()).isEqualTo("psp_8842");
        assertThat(strings(paid.path("seats"))).containsExactly("3A", "3B");
        assertThat(http.pay(id, "psp_8842").assertStatus(200).json()).isEqualTo(paid);
        http.pay(id, "psp_other").assertProblem(409, "conflict");
        assertThat(statusOf(id)).isEqualTo("CONFIRMED");
        assertThat(seatsHeldBy(trip, id)).isEqualTo(2);
        assertThat(http.book(BaselineHttp.bookingBody(trip, 1, List.of("3A")), null)
                        .assertStatus(409)
                        .json()
                        .path("reason")
                        .asString())
                .as("a paid seat stays sold")
                .isEqualTo("SEAT_UNAVAILABLE");
        assertThat(doubleBookedSeats()).isZero();
    }

    @Test
    void aLatePaymentFindsItsHoldExpiredAndAnUnpaidHoldIsSweptFreeingItsSeats() throws Exception {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        String late = http.book(BaselineHttp.holdBody(trip, List.of("4A"), 30), null)
                .assertStatus(200)
                .json()
                .path("bookingId")
                .asString();
        String unpaid = http.book(BaselineHttp.holdBody(trip, List.of("4B"), 30), null)
                .assertStatus(200)
                .json()
                .path("bookingId")
                .asString();
        // Thirty seconds is the shortest hold: the deadline is moved into the past instead of waiting for it.
        // The sweeper may expire the late one first; either way the payment is too late.
        jdbc.update(
                "UPDATE %s.booking SET hold_expires_at = now() - interval '1 second' WHERE booking_id IN (?::uuid, ?::uuid)"
                        .formatted(schema()),
                late,
                unpaid);
        JsonNode expired = http.pay(late, "psp_late").assertStatus(409).json();
        assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
        assertThat(http.pay(late, "psp_late").json()).isEqualTo(expired);
        assertThat(statusOf(late)).isEqualTo("EXPIRED");
        assertThat(seatsHeldBy(trip, late)).isZero();

        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!"EXPIRED".equals(statusOf(unpaid)) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(statusOf(unpaid)).as("swept").isEqualTo("EXPIRED");
        assertThat(seatsHeldBy(trip, unpaid)).isZero();
        assertThat(doubleBookedSeats()).isZero();
    }

    @Test
    void holdsAndPaymentsOutsideTheLimitsAreRefused() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, ROWS, COLUMNS).assertStatus(204);
        http.book(BaselineHttp.holdBody(trip, List.of("5A"), 29), null).assertProblem(400, "validation");
        http.book(BaselineHttp.holdBody(trip, List.of("5A"), 1801), null).assertProblem(400, "validation");
        assertThat(bookingsOf(trip)).isZero();
        String confirmed = http.book(BaselineHttp.bookingBody(trip, 1, List.of("5A")), null)
                .assertStatus(200)
                .json()
                .path("bookingId")
                .asString();
        http.pay(confirmed, "psp_1").assertProblem(409, "conflict");
        http.pay(confirmed, "").assertProblem(400, "validation");
        http.pay(confirmed, "x".repeat(101)).assertProblem(400, "validation");
        http.pay(UUID.randomUUID().toString(), "psp_1").assertProblem(404, "not-found");
    }

    String statusOf(String bookingId) {
        return jdbc.queryForObject(
                "SELECT status FROM %s.booking WHERE booking_id = ?::uuid".formatted(schema()),
                String.class,
                bookingId);
    }

    int seatsHeldBy(UUID trip, String bookingId) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM %s.seat WHERE trip_id = ? AND booking_id = ?::uuid".formatted(schema()),
                Integer.class,
                trip,
                bookingId);
    }

    int bookingsOf(UUID trip) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM %s.booking WHERE trip_id = ?".formatted(schema()), Integer.class, trip);
    }

    /** The benchmark's own check: a (trip, seat) in two confirmed bookings. */
    int doubleBookedSeats() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM (
                    SELECT s.trip_id, s.seat_label FROM %1$s.booking_seat s JOIN %1$s.booking b USING (booking_id)
                    WHERE b.status = 'CONFIRMED' GROUP BY s.trip_id, s.seat_label HAVING count(*) > 1) doubles""".formatted(schema()), Integer.class);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
