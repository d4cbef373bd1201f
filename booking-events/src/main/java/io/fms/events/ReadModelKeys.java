package io.fms.events;

import java.time.Duration;
import java.util.UUID;

/**
 * Redis keys and channels shared by the API (reader, and writer of PENDING entries) and the processor (writer of
 * decisions). Values are {@link BookingJson#writePlain} JSON.
 */
public final class ReadModelKeys {

    /** How long a booking's status stays in Redis; Postgres answers after that. */
    public static final Duration BOOKING_TTL = Duration.ofDays(7);

    /**
     * How long an availability snapshot counts. The processor rewrites it with every batch that touches the trip; a
     * snapshot it failed to refresh (Redis away at the wrong moment, a partition changing hands) must not turn
     * buyers away as "sold out" for longer than this. Without a snapshot the API lets requests through to the
     * processor, which decides from the truth.
     */
    public static final Duration AVAILABILITY_TTL = Duration.ofSeconds(60);

    /** Channel on which the processor announces decided booking IDs, so long-polls answer at once. */
    public static final String DECISIONS_CHANNEL = "fms:booking-decisions";

    private ReadModelKeys() {}

    /** {@link BookingView} of one booking. */
    public static String booking(UUID bookingId) {
        return "fms:booking:" + bookingId;
    }

    /** {@link PartitionProgress} of one command partition. */
    public static String partitionProgress(int partition) {
        return "fms:partition-progress:" + partition;
    }

    /**
     * A trip's waitlist as a sorted set: members are the waiting bookings' IDs, scores the offsets of their requests,
     * so a party's rank is its place, and a party's place never grows (newcomers join behind).
     */
    public static String waitlist(UUID tripId) {
        return "fms:waitlist:" + tripId;
    }

    /** {@link Availability} of one trip. */
    public static String availability(UUID tripId) {
        return "fms:availability:" + tripId;
    }
}
