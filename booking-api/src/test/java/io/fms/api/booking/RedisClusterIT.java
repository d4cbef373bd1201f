package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.ReadModelKeys;
import io.fms.testkit.FmsTestInfrastructure;
import io.fms.testkit.TestRedisCluster;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The API on a three-master Redis Cluster (spring.data.redis.cluster.nodes), where a command over keys of several
 * hash slots is refused unless the client splits it: the idempotency lookup, the door check, the trip list, the
 * rate limit and the long-poll's wake-up.
 */
class RedisClusterIT extends SharedApiContext {

    @DynamicPropertySource
    static void cluster(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.registerWithRedisCluster(registry);
        registry.add("fms.rate-limit.enabled", () -> "true");
        registry.add("fms.rate-limit.per-client-per-second", () -> "1");
        registry.add("fms.rate-limit.per-client-burst", () -> "3");
        registry.add("fms.rate-limit.trusted-proxies", () -> "127.0.0.1, ::1");
        // Slower than the tests wait, so only an announcement can answer a long-poll in time.
        registry.add("fms.api.wait-fallback-interval-ms", () -> "10000");
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    DecisionWaiters waiters;

    @Test
    void theContextRunsOnTheCluster() {
        assertThat(redis.getRequiredConnectionFactory().getConnection()).isInstanceOf(RedisClusterConnection.class);
    }

    @Test
    void aRetriedKeyGetsItsBookingBackAndAnotherBodyIsRefused() {
        UUID tripId = createTrip();
        // The key's entry and the trip's snapshot on different masters: the one MGET of the lookup spans them.
        String key;
        do {
            key = "cluster-order-" + UUID.randomUUID();
        } while (master(IdempotencyStore.redisKey(key)) == master(ReadModelKeys.availability(tripId)));
        snapshot(new Availability(tripId, 60, 60, false, Instant.now(), 0));
        String body = BookingIntakeIT.oneSeat(tripId);

        String first =
                submit(body, key).assertStatus(202).json().get("bookingId").asString();
        String again =
                submit(body, key).assertStatus(202).json().get("bookingId").asString();

        assertThat(again).isEqualTo(first);
        submit(BookingIntakeIT.oneSeat(createTrip()), key).assertProblem(422, "idempotency-key-reused");
    }

    @Test
    void aSoldOutSnapshotShutsTheDoorAndEveryTripShowsItsOwnCount() {
        List<UUID> trips = IntStream.range(0, 4).mapToObj(i -> createTrip()).toList();
        for (int i = 0; i < trips.size(); i++) {
            snapshot(new Availability(trips.get(i), 60, i, false, Instant.now(), 0));
        }

        submit(BookingIntakeIT.oneSeat(trips.getFirst()), "sold-out-" + UUID.randomUUID())
                .assertProblem(409, "sold-out");
        submit(BookingIntakeIT.oneSeat(trips.get(1)), "open-" + UUID.randomUUID())
                .assertStatus(202);
        JsonNode found = http.get("/api/v1/trips?origin=LHR&destination=JFK")
                .assertStatus(200)
                .json();
        Map<String, Integer> shown = new HashMap<>();
        found.forEach(trip ->
                shown.put(trip.get("id").asString(), trip.get("availableSeats").asInt()));
        for (int i = 0; i < trips.size(); i++) {
            assertThat(shown.get(trips.get(i).toString())).as("trip %d", i).isEqualTo(i);
        }
    }

    @Test
    void aClientBeyondItsBurstIsRefused() {
        String bot = "203.0.113." + (1 + (int) (Math.random() * 200));
        Http.Response answer = null;
        for (int i = 0; i < 10; i++) {
            answer = http.postJson("/api/v1/bookings", "{\"passengers\": []}", "X-Forwarded-For", bot);
            if (answer.status() == 429) {
                break;
            }
            answer.assertProblem(400, "validation");
        }
        answer.assertProblem(429, "rate-limited");
        assertThat(answer.header("RateLimit-Limit")).isEqualTo("3");
    }

    @Test
    void anAnnouncementPublishedOnAnotherMasterWakesTheLongPoll() {
        UUID bookingId = UUID.fromString(submit(BookingIntakeIT.oneSeat(createTrip()), "poll-" + UUID.randomUUID())
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString());
        CompletableFuture<Http.Response> poll = http.getAsync("/api/v1/bookings/" + bookingId + "?waitSeconds=25");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiters.waiting() > 0);
        int elsewhere = TestRedisCluster.ports().stream()
                .filter(port -> subscribers(port) == 0)
                .findFirst()
                .orElseThrow();
        assertThat(TestRedisCluster.ports().stream()
                        .mapToLong(RedisClusterIT::subscribers)
                        .sum())
                .as("the API listens on one node of the cluster")
                .isPositive();

        Instant decided = Instant.now();
        BookingStatusIT.writeDecision(redis, bookingId, BookingStatus.CONFIRMED);
        TestRedisCluster.onNode(
                elsewhere, commands -> commands.publish(ReadModelKeys.DECISIONS_CHANNEL, bookingId.toString()));

        JsonNode booking =
                poll.orTimeout(10, TimeUnit.SECONDS).join().assertStatus(200).json();
        assertThat(Duration.between(decided, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(booking.get("status").asString()).isEqualTo("CONFIRMED");
    }

    // Each submission from a client of its own: the limit is on, and only aClientBeyondItsBurstIsRefused meets it.
    private Http.Response submit(String body, String idempotencyKey) {
        String client = "198.18.0." + CLIENTS.incrementAndGet();
        return http.postJson("/api/v1/bookings", body, "Idempotency-Key", idempotencyKey, "X-Forwarded-For", client);
    }

    private void snapshot(Availability availability) {
        redis.opsForValue()
                .set(
                        ReadModelKeys.availability(availability.tripId()),
                        new String(BookingJson.writePlain(availability), StandardCharsets.UTF_8),
                        ReadModelKeys.AVAILABILITY_TTL);
    }

    /** Subscribers to the decisions channel connected to this node (PUBSUB NUMSUB counts a node's own). */
    private static long subscribers(int port) {
        return TestRedisCluster.onNode(port, commands -> commands.pubsubNumsub(ReadModelKeys.DECISIONS_CHANNEL))
                .getOrDefault(ReadModelKeys.DECISIONS_CHANNEL, 0L);
    }

    private static int master(String key) {
        return SlotHash.getSlot(key) * TestRedisCluster.MASTERS / TestRedisCluster.SLOTS;
    }
}
