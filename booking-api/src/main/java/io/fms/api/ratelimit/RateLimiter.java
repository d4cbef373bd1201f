package io.fms.api.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A token bucket per client address, shared by every API instance through Redis: one script call, so one round
 * trip, per limited request. The bucket is kept as GCRA's "theoretical arrival time" in a single key, with Redis's
 * own clock so that instances with skewed clocks agree. A refused client is remembered here until its Retry-After
 * has passed, so a bot that keeps hammering costs a map lookup, not a Redis call. When Redis fails the door stays
 * open (nobody is refused) for a short while without asking Redis again: a limit is worth less than the sale.
 */
class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

    static final String KEY_PREFIX = "fms:ratelimit:client:";

    /** After a Redis failure, requests pass unchecked for this long before Redis is tried again. */
    private static final long FAIL_OPEN_NANOS = Duration.ofSeconds(5).toNanos();

    /** Bounds the memory of refused clients; past it the memory starts over (they are then asked about again). */
    private static final int REFUSED_CLIENTS_MAX = 100_000;

    // Answers {0, ms until the request would pass} when refused, else {1, requests left now, ms until the bucket
    // is full again}: what the RateLimit-* headers tell a client.
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local interval = tonumber(ARGV[1])
            local tolerance = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1])) or now
            if tat < now then tat = now end
            if tat - now > tolerance then
              return {0, math.ceil((tat - now - tolerance) / 1000)}
            end
            local next = tat + interval
            redis.call('SET', KEYS[1], string.format('%d', next), 'PX', math.ceil((next - now) / 1000) + 1000)
            return {1, math.floor((tolerance - (next - now)) / interval) + 1, math.ceil((next - now) / 1000)}
            """, List.class);

    /**
     * What the limit says of one request.
     *
     * @param known false when Redis could not be asked (the request passes, and nothing can be said of the bucket)
     * @param remaining requests the client may make right now after this one
     * @param resetMs until the client's bucket is full again (allowed) or until it may retry (refused)
     */
    record Verdict(boolean allowed, boolean known, long remaining, long resetMs) {
        static final Verdict UNKNOWN = new Verdict(true, false, 0, 0);

        static Verdict refused(long retryAfterMs) {
            return new Verdict(false, true, 0, retryAfterMs);
        }
    }

    private final StringRedisTemplate redis;
    private final int burst;
    private final String intervalMicros;
    private final String toleranceMicros;
    private final ConcurrentHashMap<String, Long> refusedUntilNanos = new ConcurrentHashMap<>();
    private final Counter refused;
    private final Counter failedOpen;
    private volatile long redisSkippedUntilNanos;

    RateLimiter(StringRedisTemplate redis, RateLimitSettings settings, MeterRegistry meters) {
        this.redis = redis;
        this.burst = settings.perClientBurst();
        long interval = 1_000_000L / settings.perClientPerSecond();
        this.intervalMicros = Long.toString(interval);
        this.toleranceMicros = Long.toString(interval * (settings.perClientBurst() - 1L));
        this.refused = meters.counter("fms.api.rate-limited");
        this.failedOpen = meters.counter("fms.api.rate-limit.failed-open");
    }

    /** Requests a client may make at once: the RateLimit-Limit it is told. */
    int burst() {
        return burst;
    }

    Verdict check(String client) {
        long now = System.nanoTime();
        Long until = refusedUntilNanos.get(client);
        if (until != null) {
            if (until - now > 0) {
                refused.increment();
                return Verdict.refused(Math.max(1, (until - now) / 1_000_000));
            }
            refusedUntilNanos.remove(client, until);
        }
        if (redisSkippedUntilNanos - now > 0) {
            failedOpen.increment();
            return Verdict.UNKNOWN;
        }
        List<Long> answer;
        try {
            answer = redis.execute(SCRIPT, List.of(KEY_PREFIX + client), intervalMicros, toleranceMicros);
        } catch (RuntimeException e) {
            redisSkippedUntilNanos = now + FAIL_OPEN_NANOS;
            failedOpen.increment();
            LOG.warn("Rate limit not checked for 5 s, Redis failed: {}", e.toString());
            return Verdict.UNKNOWN;
        }
        if (answer == null || answer.size() < 2) {
            throw new IllegalStateException("rate limit script answered " + answer);
        }
        if (answer.get(0) == 1) {
            return new Verdict(true, true, Math.max(0, answer.get(1)), answer.get(2));
        }
        long waitMs = answer.get(1);
        if (refusedUntilNanos.size() >= REFUSED_CLIENTS_MAX) {
            refusedUntilNanos.clear();
        }
        refusedUntilNanos.put(client, now + waitMs * 1_000_000);
        refused.increment();
        return Verdict.refused(waitMs);
    }
}
