package io.fms.notify.delivery;

import java.util.Objects;

/**
 * A delivery an event calls for, before it is stored.
 *
 * @param status PENDING, or SKIPPED with {@code reason}
 */
public record PlannedDelivery(Channel channel, String destination, DeliveryStatus status, String reason) {

    public PlannedDelivery {
        Objects.requireNonNull(channel);
        Objects.requireNonNull(destination);
        if (status != DeliveryStatus.PENDING && status != DeliveryStatus.SKIPPED) {
            throw new IllegalArgumentException("a new delivery is PENDING or SKIPPED, not " + status);
        }
    }
}
