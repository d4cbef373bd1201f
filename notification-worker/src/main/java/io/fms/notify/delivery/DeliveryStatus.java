package io.fms.notify.delivery;

/** Where a delivery stands; every status but PENDING is final. */
public enum DeliveryStatus {
    /** Owed: due at {@code next_attempt_at}. */
    PENDING,
    /** The receiver accepted it (2xx, or the SMTP server took the message). */
    DELIVERED,
    /** Retries exhausted or refused for good; the event went to the dead-letter topic. */
    DEAD,
    /** Never attempted, on purpose (e.g. no signing secret configured); {@code last_error} says why. */
    SKIPPED
}
