package io.fms.bench.baseline.booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A booking request within limits.
 *
 * @param seats the requested seats in seat order (row, then letter), empty to have seats assigned; the one order
 *     every design takes locks in, so two requests never wait on each other in a cycle
 * @param idempotencyKey the client's key, or null
 * @param holdSeconds how long the seats are held for payment, 0 to confirm at once
 */
public record ValidBooking(
        UUID tripId,
        int passengerCount,
        List<String> seats,
        String idempotencyKey,
        Instant receivedAt,
        int holdSeconds) {

    public boolean autoAssigned() {
        return seats.isEmpty();
    }

    public boolean holds() {
        return holdSeconds > 0;
    }
}
