package io.fms.bench.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.data.redis.core.StringRedisTemplate;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "fms.baseline.design=redislock")
class RedisLockIT extends LockingDesignContract {

    @Autowired
    StringRedisTemplate redis;

    @Override
    boolean seatUnavailableMeansSold() {
        // A seat locked by a request in flight is answered unavailable, as the design has it, even if that
        // request then fails and the seat stays free.
        return false;
    }

    @Test
    void aFreeLockOnASoldSeatSellsNothing() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, 1, "AB").assertStatus(204);
        http.book(BaselineHttp.bookingBody(trip, 1, List.of("1A")), "first").assertStatus(200);
        assertThat(redis.keys("bench:redislock:seat:*")).as("locks released").isEmpty();

        // The second request gets the (released) lock: only the conditional write stands between it and 1A.
        assertThat(http.book(BaselineHttp.bookingBody(trip, 1, List.of("1A")), "second")
                        .assertStatus(409)
                        .json()
                        .path("reason")
                        .asString())
                .isEqualTo("SEAT_UNAVAILABLE");
        assertThat(doubleBookedSeats()).isZero();
        assertThat(redis.keys("bench:redislock:seat:*")).isEmpty();
    }

    @Test
    void aSeatLockedByAnotherIsUnavailableAndKeepsItsHoldersLock() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, 1, "AB").assertStatus(204);
        String key = "bench:redislock:seat:{" + trip + "}:1B";
        redis.opsForValue().set(key, "someone-else", java.time.Duration.ofSeconds(30));

        assertThat(http.book(BaselineHttp.bookingBody(trip, 2, List.of("1A", "1B")), null)
                        .assertStatus(409)
                        .json()
                        .path("reason")
                        .asString())
                .isEqualTo("SEAT_UNAVAILABLE");
        assertThat(redis.opsForValue().get(key)).isEqualTo("someone-else");
        assertThat(redis.hasKey("bench:redislock:seat:{" + trip + "}:1A"))
                .as("all or nothing")
                .isFalse();

        // Auto-assignment passes over the held seat.
        assertThat(strings(http.book(BaselineHttp.bookingBody(trip, 1, List.of()), null)
                        .assertStatus(200)
                        .json()
                        .path("seats")))
                .containsExactly("1A");
        redis.delete(key);
    }

    @Test
    void aHoldsLocksLiveAsLongAsTheHoldAndALapsedLockExpiresTheHoldAtOnce() {
        UUID trip = UUID.randomUUID();
        http.putTrip(trip, 1, "AB").assertStatus(204);
        String key = "bench:redislock:seat:{" + trip + "}:1A";
        String id = http.book(BaselineHttp.holdBody(trip, List.of("1A"), 30), null)
                .assertStatus(200)
                .json()
                .path("bookingId")
                .asString();
        assertThat(redis.opsForValue().get(key)).isEqualTo(id);
        assertThat(redis.getExpire(key, java.util.concurrent.TimeUnit.MILLISECONDS))
                .isBetween(25_000L, 30_000L);

        // The lock lapsing is the hold lapsing, whatever the row's deadline says.
        redis.delete(key);
        assertThat(http.pay(id, "psp_1").assertStatus(409).json().path("status").asString())
                .isEqualTo("EXPIRED");
        assertThat(http.book(BaselineHttp.bookingBody(trip, 1, List.of("1A")), null)
                        .assertStatus(200)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("CONFIRMED");

        // A paid hold's locks are released: its row guards the seat, as for any confirmed booking.
        String paid = http.book(BaselineHttp.holdBody(trip, List.of("1B"), 30), null)
                .assertStatus(200)
                .json()
                .path("bookingId")
                .asString();
        http.pay(paid, "psp_2").assertStatus(200);
        assertThat(redis.keys("bench:redislock:seat:*")).isEmpty();
        assertThat(doubleBookedSeats()).isZero();
    }
}
