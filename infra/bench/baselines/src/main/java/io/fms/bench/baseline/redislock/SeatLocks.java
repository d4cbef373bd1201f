package io.fms.bench.baseline.redislock;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Per-seat locks in Redis: {@code SET key token NX PX ttl}, released by compare-and-delete with the same token so
 * that a request never frees a lock that expired and was taken by another. Each operation over a party's seats is
 * one small Lua script, so it costs one round trip however many seats (a tuned version of the proposal rather
 * than one {@code SET} per seat). Keys carry the trip in a hash tag, so a party's keys share a cluster slot.
 */
class SeatLocks {

    private static final String PREFIX = "bench:redislock:seat:";
    private static final int RESET_BATCH = 1_000;

    // All or nothing, in the order given (seat order): on the first seat held by someone else, the ones taken so
    // far are released and 0 is answered.
    private static final RedisScript<Long> LOCK_ALL = RedisScript.of("""
            for i, key in ipairs(KEYS) do
              if not redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then
                for j = 1, i - 1 do redis.call('DEL', KEYS[j]) end
                return 0
              end
            end
            return 1""", Long.class);

    // The first ARGV[3] candidates (in the order given) that nobody holds; answers their 1-based positions.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> LOCK_FIRST_FREE = new DefaultRedisScript("""
            local wanted = tonumber(ARGV[3])
            local taken = {}
            for i, key in ipairs(KEYS) do
              if redis.call('SET', key, ARGV[1], 'NX', 'PX', ARGV[2]) then
                taken[#taken + 1] = i
                if #taken == wanted then break end
              end
            end
            return taken""", List.class);

    // A hold being paid: every key must still be this token's, and then none of them may lapse any more (the
    // caller releases them once the payment is written). 0 when any lock lapsed or was taken by another.
    private static final RedisScript<Long> PERSIST_ALL = RedisScript.of("""
            for i, key in ipairs(KEYS) do
              if redis.call('GET', key) ~= ARGV[1] then return 0 end
            end
            for i, key in ipairs(KEYS) do redis.call('PERSIST', key) end
            return 1""", Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            local released = 0
            for i, key in ipairs(KEYS) do
              if redis.call('GET', key) == ARGV[1] then
                redis.call('DEL', key)
                released = released + 1
              end
            end
            return released""", Long.class);

    private final StringRedisTemplate redis;

    SeatLocks(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Locks every seat for {@code ttlMs}, or none. */
    boolean lockAll(UUID tripId, List<String> seats, String token, long ttlMs) {
        return Long.valueOf(1).equals(redis.execute(LOCK_ALL, keys(tripId, seats), token, Long.toString(ttlMs)));
    }

    /** Locks up to {@code wanted} of the candidates, the first ones free of locks; answers those it locked. */
    List<String> lockFirstFree(UUID tripId, List<String> candidates, int wanted, String token, long ttlMs) {
        List<Long> positions = redis.execute(
                LOCK_FIRST_FREE, keys(tripId, candidates), token, Long.toString(ttlMs), Integer.toString(wanted));
        List<String> locked = new ArrayList<>(positions.size());
        for (Long position : positions) {
            locked.add(candidates.get(position.intValue() - 1));
        }
        return locked;
    }

    /** Whether every seat is still locked by this token; if so, the locks no longer lapse. */
    boolean persistAll(UUID tripId, List<String> seats, String token) {
        return !seats.isEmpty() && Long.valueOf(1).equals(redis.execute(PERSIST_ALL, keys(tripId, seats), token));
    }

    /** Releases the seats this token still holds. */
    void release(UUID tripId, List<String> seats, String token) {
        if (!seats.isEmpty()) {
            redis.execute(RELEASE, keys(tripId, seats), token);
        }
    }

    /** Drops every lock: only between runs, when no request is in flight. */
    void clear() {
        List<String> batch = new ArrayList<>(RESET_BATCH);
        try (Cursor<String> cursor = redis.scan(
                ScanOptions.scanOptions().match(PREFIX + "*").count(RESET_BATCH).build())) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == RESET_BATCH) {
                    redis.delete(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            redis.delete(batch);
        }
    }

    boolean isHealthy() {
        return "PONG".equals(redis.execute((RedisCallback<String>) RedisConnection::ping));
    }

    private static List<String> keys(UUID tripId, List<String> seats) {
        String tripPrefix = PREFIX + "{" + tripId + "}:";
        List<String> keys = new ArrayList<>(seats.size());
        for (String seat : seats) {
            keys.add(tripPrefix + seat);
        }
        return keys;
    }
}
