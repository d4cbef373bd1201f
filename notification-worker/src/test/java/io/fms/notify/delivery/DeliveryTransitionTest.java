package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fms.notify.delivery.RetryPolicy.Dead;
import io.fms.notify.delivery.RetryPolicy.Delivered;
import io.fms.notify.delivery.RetryPolicy.RetryAt;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeliveryTransitionTest {

    private static final Instant CREATED = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant NOW = CREATED.plusSeconds(5);
    private static final Instant LEASE_UNTIL = NOW.plusSeconds(60);

    private final RetryPolicy policy = new RetryPolicy(1_000, 300_000, 86_400_000, 400, new SplittableRandom(7));

    @Test
    void aSuccessIsDeliveredFinalAndReleased() {
        var success = AttemptResult.success(204);

        assertThat(DeliveryTransition.after(new Delivered(), success, NOW, LEASE_UNTIL))
                .isEqualTo(new DeliveryTransition(DeliveryStatus.DELIVERED, null, NOW, null, null));
    }

    @Test
    void aRetryableFailureStaysPendingUntilItsRetryAndKeepsItsError() {
        var failure = AttemptResult.httpStatus(503);
        Instant retryAt = NOW.plusMillis(700);

        assertThat(DeliveryTransition.after(new RetryAt(retryAt), failure, NOW, LEASE_UNTIL))
                .isEqualTo(new DeliveryTransition(
                        DeliveryStatus.PENDING, retryAt, null, null, "receiver answered HTTP 503"));
    }

    @Test
    void aDeadDeliveryIsFinalWithItsReasonAndStaysClaimedForItsDeadLetter() {
        var failure = AttemptResult.failure(AttemptOutcome.TIMEOUT, "slow");

        assertThat(DeliveryTransition.after(
                        new Dead("gave up after 400 attempts; last: slow"), failure, NOW, LEASE_UNTIL))
                .isEqualTo(new DeliveryTransition(
                        DeliveryStatus.DEAD, null, NOW, LEASE_UNTIL, "gave up after 400 attempts; last: slow"));
    }

    @Test
    void gone410StopsAtOnceWithNoNextAttempt() {
        var gone = AttemptResult.httpStatus(410);

        var transition = DeliveryTransition.after(policy.decide(1, CREATED, NOW, gone), gone, NOW, LEASE_UNTIL);

        assertThat(transition.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(transition.nextAttemptAt()).isNull();
        assertThat(transition.lastError()).isEqualTo("receiver answered HTTP 410");
    }

    @Test
    void thePolicysDecisionsLeadToTheirStatuses() {
        assertThat(DeliveryTransition.after(
                                policy.decide(1, CREATED, NOW, AttemptResult.success(200)),
                                AttemptResult.success(200),
                                NOW,
                                LEASE_UNTIL)
                        .status())
                .isEqualTo(DeliveryStatus.DELIVERED);
        var http500 = AttemptResult.httpStatus(500);
        var retry = DeliveryTransition.after(policy.decide(1, CREATED, NOW, http500), http500, NOW, LEASE_UNTIL);
        assertThat(retry.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retry.nextAttemptAt()).isBetween(NOW.plusMillis(500), NOW.plusMillis(1_000));
        var refused = AttemptResult.failure(AttemptOutcome.REFUSED, "10.0.0.1, a private address");
        assertThat(DeliveryTransition.after(policy.decide(1, CREATED, NOW, refused), refused, NOW, LEASE_UNTIL)
                        .status())
                .isEqualTo(DeliveryStatus.DEAD);
    }

    @Test
    void rowsTheSchemaWouldRefuseCannotBeBuilt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryTransition(DeliveryStatus.PENDING, null, null, null, "x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryTransition(DeliveryStatus.DELIVERED, NOW, NOW, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryTransition(DeliveryStatus.DEAD, null, null, LEASE_UNTIL, "x"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DeliveryTransition(DeliveryStatus.SKIPPED, null, NOW, null, "x"));
    }
}
