package io.fms.api.booking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * What intake counts of the bookings it queues: first attempts and retries accepted, and those queued whose PENDING
 * entry could not be written. Refusals are counted by {@link IntakeRefusalMetrics}.
 */
@Component
class IntakeMetrics {

    // Registered once: a lookup by name and tags builds a meter ID on every call.
    private final Counter acceptedFirst;
    private final Counter acceptedReplay;
    private final Counter pendingUnrecorded;

    IntakeMetrics(MeterRegistry meters) {
        acceptedFirst = meters.counter("fms.api.bookings.accepted", "replay", "false");
        acceptedReplay = meters.counter("fms.api.bookings.accepted", "replay", "true");
        pendingUnrecorded = meters.counter("fms.api.bookings.pending-unrecorded");
    }

    /** A booking was accepted: queued now, or, for a retry, found already queued or queued again. */
    void accepted(boolean replay) {
        (replay ? acceptedReplay : acceptedFirst).increment();
    }

    /** A booking was queued but its PENDING entry could not be written. */
    void pendingUnrecorded() {
        pendingUnrecorded.increment();
    }
}
