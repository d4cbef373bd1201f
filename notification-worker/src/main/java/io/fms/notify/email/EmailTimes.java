package io.fms.notify.email;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times as a traveller reads them: always in UTC, whatever the worker's own zone, in English whatever its locale,
 * so that the same event makes the same email on every worker and every attempt.
 */
final class EmailTimes {

    private static final DateTimeFormatter DEPARTURE = DateTimeFormatter.ofPattern(
                    "EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DEADLINE_MINUTE = DateTimeFormatter.ofPattern(
                    "HH:mm 'UTC on' d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DEADLINE_SECOND = DateTimeFormatter.ofPattern(
                    "HH:mm:ss 'UTC on' d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private EmailTimes() {}

    /** "Fri 12 Jun 2026, 09:30 UTC". */
    static String departure(Instant departure) {
        return DEPARTURE.format(departure);
    }

    /** "12 Jun 2026", for subjects. */
    static String day(Instant instant) {
        return DAY.format(instant);
    }

    /**
     * "14:05 UTC on 1 June 2027": a payment deadline, with its date always, because the email may be read on
     * another day than it was written (retries run for hours) and in a zone whose date is not UTC's. Cut down to the
     * minute, so that it is never later than the real deadline; to the second when the minute so written would
     * not be after {@code heldAt} (a hold of under a minute, or one ending just past a minute).
     */
    static String deadline(Instant deadline, Instant heldAt) {
        Instant minute = deadline.truncatedTo(ChronoUnit.MINUTES);
        boolean minuteIsClear = heldAt == null || minute.isAfter(heldAt);
        return (minuteIsClear ? DEADLINE_MINUTE : DEADLINE_SECOND).format(deadline);
    }

    /**
     * "15 minutes", "1 minute", "45 seconds": how long a hold lasts, rounded down (a traveller told too little
     * time pays in time); null when it cannot be told.
     */
    static String holdLength(Instant heldAt, Instant deadline) {
        if (heldAt == null || !deadline.isAfter(heldAt)) {
            return null;
        }
        Duration length = Duration.between(heldAt, deadline);
        long minutes = length.toMinutes();
        if (minutes >= 2) {
            return minutes + " minutes";
        }
        if (minutes == 1 && length.toSecondsPart() == 0) {
            return "1 minute";
        }
        long seconds = length.toSeconds();
        if (seconds == 0) {
            return null;
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }
}
