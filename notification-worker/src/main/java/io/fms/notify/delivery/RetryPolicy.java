package io.fms.notify.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Decides what follows an attempt: delivered, another attempt later, or dead. Exponential backoff (base, 2x base,
 * 4x base... up to a cap) with "equal jitter": each delay is drawn between half of it and all of it, so that the
 * receivers of a failed burst are not hit again by the whole burst at the same instant. A receiver that answers 429
 * or 503 with {@code Retry-After} is not tried again before it asked, as long as that falls within the horizon.
 */
public final class RetryPolicy {

    /** What follows an attempt. */
    public sealed interface Decision {}

    public record Delivered() implements Decision {}

    public record RetryAt(Instant at) implements Decision {}

    public record Dead(String reason) implements Decision {}

    private final long baseMs;
    private final long capMs;
    private final Duration horizon;
    private final int attemptsMax;
    private final RandomGenerator random;

    public RetryPolicy(long baseMs, long capMs, long horizonMs, int attemptsMax, RandomGenerator random) {
        if (baseMs < 1 || capMs < baseMs || horizonMs < 1 || attemptsMax < 1) {
            throw new IllegalArgumentException("retry policy needs 1 <= base <= cap, horizon >= 1, attempts >= 1");
        }
        this.baseMs = baseMs;
        this.capMs = capMs;
        this.horizon = Duration.ofMillis(horizonMs);
        this.attemptsMax = attemptsMax;
        this.random = Objects.requireNonNull(random);
    }

    /**
     * @param attempt the number of the attempt just made, from 1
     * @param createdAt when the delivery was recorded
     * @param now when the attempt ended
     */
    public Decision decide(int attempt, Instant createdAt, Instant now, AttemptResult result) {
        if (result.outcome().success()) {
            return new Delivered();
        }
        String error = result.error() == null ? result.outcome().name() : result.error();
        if (!result.outcome().retryable()) {
            return new Dead(error);
        }
        if (attempt >= attemptsMax) {
            return new Dead("gave up after " + attempt + " attempts; last: " + error);
        }
        long delayMs = jittered(backoffMs(attempt));
        if (result.retryAfterMs() != null) {
            delayMs = Math.max(delayMs, result.retryAfterMs());
        }
        Instant next = now.plusMillis(delayMs);
        if (next.isAfter(createdAt.plus(horizon))) {
            return new Dead("gave up after " + attempt + " attempts over the retry horizon of " + horizon.toMillis()
                    + " ms; last: " + error
                    + (result.retryAfterMs() == null ? "" : " (Retry-After " + result.retryAfterMs() + " ms)"));
        }
        return new RetryAt(next);
    }

    /** The un-jittered delay after attempt {@code attempt}: base * 2^(attempt-1), at most the cap. */
    public long backoffMs(int attempt) {
        int doublings = Math.max(0, attempt - 1);
        if (doublings >= 62 || baseMs > (capMs >> doublings)) {
            return capMs;
        }
        return Math.min(capMs, baseMs << doublings);
    }

    private long jittered(long delayMs) {
        long half = delayMs / 2;
        return delayMs - half + random.nextLong(half + 1);
    }
}
