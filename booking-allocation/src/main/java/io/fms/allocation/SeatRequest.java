package io.fms.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a booking asks of a trip.
 *
 * @param seats the exact seats wanted, or empty for "no preference"
 * @param hold hold the seats this long while the traveller pays; null to confirm at once
 * @param waitlist wait for seats when the trip cannot seat the party now (only without explicit seats)
 * @param order the request's place in the trip's log (its offset): a waiting party's rank among the others
 */
public record SeatRequest(
        UUID bookingId, int passengers, List<String> seats, Duration hold, boolean waitlist, long order) {

    public SeatRequest {
        Objects.requireNonNull(bookingId, "bookingId");
        if (passengers < 1) {
            throw new IllegalArgumentException("a booking needs at least one passenger, had " + passengers);
        }
        // A null label stays, to be refused as an invalid seat rather than crash the request.
        seats = seats == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(seats));
        if (hold != null && (hold.isNegative() || hold.isZero())) {
            throw new IllegalArgumentException("a hold lasts a while, not " + hold);
        }
    }

    /** Confirm at once, or refuse. */
    public static SeatRequest confirmNow(UUID bookingId, int passengers, List<String> seats) {
        return new SeatRequest(bookingId, passengers, seats, null, false, 0);
    }
}
