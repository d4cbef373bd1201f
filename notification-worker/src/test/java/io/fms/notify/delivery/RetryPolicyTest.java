package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.notify.delivery.RetryPolicy.Dead;
import io.fms.notify.delivery.RetryPolicy.Delivered;
import io.fms.notify.delivery.RetryPolicy.RetryAt;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T10:00:00Z");
    private static final AttemptResult HTTP_500 = AttemptResult.httpStatus(500);

    private final RetryPolicy policy =
            new RetryPolicy(1_000, 300_000, Duration.ofHours(24).toMillis(), 400, new SplittableRandom(42));

    @Test
    void backoffDoublesFromTheBaseUpToTheCap() {
        assertThat(policy.backoffMs(1)).isEqualTo(1_000);
        assertThat(policy.backoffMs(2)).isEqualTo(2_000);
        assertThat(policy.backoffMs(3)).isEqualTo(4_000);
        assertThat(policy.backoffMs(9)).isEqualTo(256_000);
        assertThat(policy.backoffMs(10)).isEqualTo(300_000);
        assertThat(policy.backoffMs(200)).isEqualTo(300_000);
        assertThat(policy.backoffMs(Integer.MAX_VALUE)).isEqualTo(300_000);
    }

    @Test
    void eachRetryIsJitteredBetweenHalfAndAllOfItsBackoff() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long backoff = policy.backoffMs(attempt);
            for (int i = 0; i < 200; i++) {
                var decision = policy.decide(attempt, CREATED, CREATED, HTTP_500);
                assertThat(decision).isInstanceOf(RetryAt.class);
                long delay =
                        Duration.between(CREATED, ((RetryAt) decision).at()).toMillis();
                assertThat(delay).isBetween(backoff - backoff / 2, backoff);
            }
        }
    }

    @Test
    void successIsDeliveredAndPermanentFailuresDieAtOnce() {
        assertThat(policy.decide(1, CREATED, CREATED, AttemptResult.httpStatus(204)))
                .isInstanceOf(Delivered.class);
        assertThat(policy.decide(1, CREATED, CREATED, AttemptResult.httpStatus(410)))
                .isEqualTo(new Dead("receiver answered HTTP 410"));
        assertThat(policy.decide(1, CREATED, CREATED, AttemptResult.failure(AttemptOutcome.REFUSED, "private")))
                .isEqualTo(new Dead("private"));
    }

    @Test
    void retryableFailuresDieOncePastTheHorizonOrTheAttemptLimit() {
        Instant nearEnd = CREATED.plus(Duration.ofHours(24)).minusMillis(100);
        assertThat(policy.decide(50, CREATED, nearEnd, AttemptResult.failure(AttemptOutcome.TIMEOUT, "slow")))
                .isInstanceOfSatisfying(
                        Dead.class,
                        dead -> assertThat(dead.reason())
                                .contains("retry horizon")
                                .contains("slow"));
        assertThat(policy.decide(400, CREATED, CREATED, HTTP_500))
                .isInstanceOfSatisfying(
                        Dead.class, dead -> assertThat(dead.reason()).contains("400 attempts"));
        assertThat(policy.decide(399, CREATED, CREATED, HTTP_500)).isInstanceOf(RetryAt.class);
    }

    @Test
    void aReceiversRetryAfterIsHonouredWhenLongerThanTheBackoff() {
        Instant now = CREATED.plusSeconds(10);

        var asked = policy.decide(1, CREATED, now, AttemptResult.httpStatus(503, 600_000L));
        var shorter = policy.decide(5, CREATED, now, AttemptResult.httpStatus(429, 1L));

        assertThat(asked).isEqualTo(new RetryAt(now.plusMillis(600_000)));
        assertThat(Duration.between(now, ((RetryAt) shorter).at()).toMillis())
                .as("our own backoff when it is the longer wait")
                .isBetween(policy.backoffMs(5) / 2, policy.backoffMs(5));
    }

    @Test
    void aRetryAfterPastTheHorizonEndsTheDeliveryAndSaysWhy() {
        var decision = policy.decide(
                1,
                CREATED,
                CREATED,
                AttemptResult.httpStatus(503, Duration.ofHours(25).toMillis()));

        assertThat(decision)
                .isInstanceOfSatisfying(
                        Dead.class, dead -> assertThat(dead.reason()).contains("Retry-After"));
    }

    @Test
    void retryAfterCountsOnlyOnTheAnswersItBelongsTo() {
        assertThat(AttemptResult.httpStatus(500, 600_000L).retryAfterMs()).isNull();
        assertThat(AttemptResult.httpStatus(429, 600_000L).retryAfterMs()).isEqualTo(600_000L);
        assertThat(AttemptResult.httpStatus(503, -5L).retryAfterMs()).isNull();
    }
}
