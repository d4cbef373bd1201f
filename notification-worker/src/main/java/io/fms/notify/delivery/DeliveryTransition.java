package io.fms.notify.delivery;

import io.fms.notify.delivery.RetryPolicy.Dead;
import io.fms.notify.delivery.RetryPolicy.Decision;
import io.fms.notify.delivery.RetryPolicy.Delivered;
import io.fms.notify.delivery.RetryPolicy.RetryAt;
import java.time.Instant;
import java.util.Objects;

/**
 * What an attempt leaves its delivery as: the status, and the times and error stored with it.
 *
 * @param nextAttemptAt when a PENDING delivery is due again; null once it is final
 * @param completedAt when it became final; null while PENDING
 * @param claimedUntil the claim a DEAD delivery keeps while its dead letter is published; null for the others, whose
 *     claim ends with the attempt
 * @param lastError the attempt's error, or for a DEAD delivery why it died; null after a success
 */
public record DeliveryTransition(
        DeliveryStatus status, Instant nextAttemptAt, Instant completedAt, Instant claimedUntil, String lastError) {

    public DeliveryTransition {
        Objects.requireNonNull(status);
        if (status == DeliveryStatus.SKIPPED) {
            throw new IllegalArgumentException("an attempt never leaves a delivery SKIPPED");
        }
        if ((status == DeliveryStatus.PENDING) != (nextAttemptAt != null)) {
            throw new IllegalArgumentException("a delivery has a next attempt exactly when it is PENDING");
        }
        if ((status == DeliveryStatus.PENDING) == (completedAt != null)) {
            throw new IllegalArgumentException("a delivery is completed exactly when it is final");
        }
    }

    /**
     * @param decision what the retry policy made of the attempt
     * @param result what the attempt came to
     * @param now when the attempt ended
     * @param leaseUntil how long a DEAD delivery stays claimed for its dead letter
     */
    public static DeliveryTransition after(Decision decision, AttemptResult result, Instant now, Instant leaseUntil) {
        return switch (decision) {
            case Delivered delivered ->
                new DeliveryTransition(DeliveryStatus.DELIVERED, null, now, null, result.error());
            case RetryAt retry ->
                new DeliveryTransition(DeliveryStatus.PENDING, retry.at(), null, null, result.error());
            case Dead dead -> new DeliveryTransition(DeliveryStatus.DEAD, null, now, leaseUntil, dead.reason());
        };
    }
}
