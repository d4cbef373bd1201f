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

    /** Channel on which the processor announces decided booking IDs, so long-polls answer at once. */
    public static final String DECISIONS_CHANNEL = "fms:booking-decisions";

    private ReadModelKeys() {}

    /** {@link BookingView} of one booking. */
    public static String booking(UUID bookingId) {
        return "fms:booking:" + bookingId;
    }

    /** {@link Availability} of one trip. */
    public static String availability(UUID tripId) {
        return "fms:availability:" + tripId;
    }
}
