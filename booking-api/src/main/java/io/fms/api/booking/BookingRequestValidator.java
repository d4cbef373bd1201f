package io.fms.api.booking;

import io.fms.allocation.Seat;
import io.fms.allocation.SeatLayout;
import io.fms.api.catalog.Trip;
import io.fms.api.catalog.TripDirectory;
import io.fms.api.web.ProblemException;
import io.fms.api.web.Violations;
import io.fms.events.BookingRequested;
import io.fms.events.Hold;
import io.fms.events.Passenger;
import io.fms.events.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Checks a booking request in one pass, field by field, and names every invalid one; the trip is looked up within
 * the pass so that seats it does not have are named with the rest.
 */
@Component
class BookingRequestValidator {

    static final int PASSENGERS_MAX = BookingRequested.PASSENGERS_MAX;
    static final int NAME_LENGTH_MAX = 100;
    static final int EMAIL_LENGTH_MAX = 254;
    static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    // The WHATWG HTML definition of a valid e-mail address: what browsers accept in <input type=email>.
    private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+"
            + "@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*");

    /** A request that passed every check, with the trip it is for and its Idempotency-Key, if it carries one. */
    record CheckedSubmission(ValidBooking booking, Trip trip, String idempotencyKey) {}

    private final CallbackUrls callbackUrls;
    private final TripDirectory trips;

    BookingRequestValidator(CallbackUrls callbackUrls, TripDirectory trips) {
        this.callbackUrls = callbackUrls;
        this.trips = trips;
    }

    /**
     * The request checked and normalised; a {@code ValidationException} naming every bad field, else a not-found
     * problem when the trip is unknown.
     *
     * @param idempotencyKeys every {@code Idempotency-Key} header of the request, as sent
     */
    CheckedSubmission check(BookingRequest request, List<String> idempotencyKeys) {
        Violations violations = new Violations();
        String idempotencyKey = idempotencyKey(idempotencyKeys, violations);
        UUID tripId = tripId(request.tripId(), violations);
        Optional<Trip> trip = tripId == null ? Optional.empty() : trips.find(tripId);
        List<Passenger> passengers = passengers(request.passengers(), violations);
        List<String> seats = seats(request.seats(), trip.map(Trip::layout), violations);
        // Compared as sent: a seat already named invalid still counts as one asked for.
        if (request.seats() != null
                && !request.seats().isEmpty()
                && request.passengers() != null
                && request.seats().size() != request.passengers().size()) {
            violations.add("seats", "must name exactly one seat per passenger");
        }
        String email = email(request.contactEmail(), violations);
        String callbackUrl = callbackUrl(request.callbackUrl(), violations);
        Hold hold = hold(request.hold(), violations);
        boolean waitlist = waitlist(request.waitlist(), violations);
        if (waitlist && request.seats() != null && !request.seats().isEmpty()) {
            // A waiting party is seated wherever seats free up; named seats would make it wait for those alone.
            violations.add("waitlist", "is only for requests without seats");
        }
        violations.throwIfAny();
        Trip found = trip.orElseThrow(() -> ProblemException.notFound("No trip " + tripId));
        return new CheckedSubmission(
                new ValidBooking(tripId, passengers, seats, email, callbackUrl, hold, waitlist), found, idempotencyKey);
    }

    private static String idempotencyKey(List<String> headers, Violations violations) {
        if (headers.isEmpty()) {
            return null;
        }
        if (headers.size() > 1) {
            // A key may itself contain commas, so headers joined by a proxy could not be told apart again.
            violations.add(IDEMPOTENCY_KEY, "must be sent once, not in several headers");
            return null;
        }
        String key = headers.getFirst();
        if (!isValidIdempotencyKey(key)) {
            violations.add(
                    IDEMPOTENCY_KEY, "must be 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " printable ASCII characters");
            return null;
        }
        return key;
    }

    static boolean isValidIdempotencyKey(String key) {
        if (key.isEmpty() || key.length() > IDEMPOTENCY_KEY_LENGTH_MAX) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static UUID tripId(String value, Violations violations) {
        if (value == null || value.isBlank()) {
            violations.add("tripId", "is required");
            return null;
        }
        if (!UUID_TEXT.matcher(value.strip()).matches()) {
            violations.add("tripId", "must be a UUID");
            return null;
        }
        return UUID.fromString(value.strip());
    }

    private static List<Passenger> passengers(List<BookingRequest.PassengerRequest> values, Violations violations) {
        if (values == null || values.isEmpty()) {
            violations.add("passengers", "is required: 1 to " + PASSENGERS_MAX + " passengers");
            return List.of();
        }
        if (values.size() > PASSENGERS_MAX) {
            violations.add("passengers", "must be at most " + PASSENGERS_MAX + " passengers");
            return List.of();
        }
        List<Passenger> passengers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String name = values.get(i) == null ? null : values.get(i).name();
            String field = "passengers[" + i + "].name";
            if (name == null || name.isBlank()) {
                violations.add(field, "is required");
                continue;
            }
            String stripped = name.strip();
            int length = stripped.codePointCount(0, stripped.length());
            if (length > NAME_LENGTH_MAX) {
                violations.add(field, "must be 1 to " + NAME_LENGTH_MAX + " characters");
            } else if (stripped.codePoints().anyMatch(Character::isISOControl)) {
                violations.add(field, "must not contain control characters");
            } else if (!Texts.isWellFormed(stripped)) {
                // A lone surrogate cannot be encoded as UTF-8 (Postgres refuses it in jsonb), and U+FFFE/U+FFFF
                // are not characters at all: such a name would poison the processor's batch, not just this booking.
                violations.add(field, "must be well-formed Unicode text");
            } else {
                passengers.add(new Passenger(stripped));
            }
        }
        return passengers;
    }

    private static List<String> seats(List<String> values, Optional<SeatLayout> layout, Violations violations) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > PASSENGERS_MAX) {
            violations.add("seats", "must be at most " + PASSENGERS_MAX + " seats");
            return List.of();
        }
        List<String> seats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String seat = values.get(i) == null ? null : values.get(i).strip().toUpperCase(Locale.ROOT);
            String field = "seats[" + i + "]";
            if (!Seat.isLabel(seat)) {
                violations.add(field, "must be a seat label such as 12A");
            } else if (!seen.add(seat)) {
                violations.add(field, "is requested twice");
            } else if (layout.isPresent() && !layout.get().contains(seat)) {
                violations.add(
                        field,
                        "is not a seat of this trip (rows 1-" + layout.get().rows() + ", columns "
                                + layout.get().columns() + ")");
            } else {
                seats.add(seat);
            }
        }
        return seats;
    }

    private static Hold hold(BookingRequest.HoldRequest value, Violations violations) {
        if (value == null) {
            return null;
        }
        JsonNode seconds = value.seconds();
        if (seconds == null
                || !seconds.isIntegralNumber()
                || !seconds.canConvertToInt()
                || !Hold.isValidSeconds(seconds.intValue())) {
            violations.add(
                    "hold.seconds",
                    "must be a whole number of seconds from " + Hold.SECONDS_MIN + " to " + Hold.SECONDS_MAX);
            return null;
        }
        return new Hold(seconds.intValue());
    }

    private static boolean waitlist(JsonNode value, Violations violations) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            violations.add("waitlist", "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    private static String email(String value, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (email.length() > EMAIL_LENGTH_MAX || !EMAIL.matcher(email).matches()) {
            violations.add(
                    "contactEmail", "must be a valid e-mail address of at most " + EMAIL_LENGTH_MAX + " characters");
            return null;
        }
        return email;
    }

    private String callbackUrl(String value, Violations violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            // A URL on the wire is ASCII; anything else must be percent-encoded (hosts in punycode).
            violations.add("callbackUrl", "must be printable ASCII (percent-encode anything else)");
            return url;
        }
        callbackUrls.problem(url).ifPresent(problem -> violations.add("callbackUrl", problem));
        return url;
    }
}
