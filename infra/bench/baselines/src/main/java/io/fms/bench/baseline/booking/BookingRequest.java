package io.fms.bench.baseline.booking;

import io.fms.bench.baseline.web.BadRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * FMS's booking body, as the benchmark posts it to every system. {@code contactEmail} and {@code callbackUrl} are
 * accepted and ignored: these designs send no notifications.
 */
public record BookingRequest(
        String tripId,
        List<Passenger> passengers,
        List<String> seats,
        String contactEmail,
        String callbackUrl,
        Hold hold) {

    public static final int PASSENGERS_MAX = 9;
    public static final int NAME_LENGTH_MAX = 100;
    public static final int IDEMPOTENCY_KEY_LENGTH_MAX = 200;
    public static final int HOLD_SECONDS_MIN = 30;
    public static final int HOLD_SECONDS_MAX = 1800;

    // Row 1-999 then one letter: anything else cannot be a seat of any layout, so it is a malformed request.
    private static final Pattern SEAT_LABEL = Pattern.compile("[1-9][0-9]{0,2}[A-Z]");

    public record Passenger(String name) {}

    /** {@code "hold": {"seconds": S}}: the seats are held for payment instead of confirmed at once. */
    public record Hold(Integer seconds) {}

    /** The request checked against FMS's limits, else a 400 naming each fault. */
    public ValidBooking validated(String idempotencyKey, Instant receivedAt) {
        List<String> errors = new ArrayList<>();
        UUID trip = null;
        try {
            trip = tripId == null ? null : UUID.fromString(tripId);
        } catch (IllegalArgumentException e) {
            // named below
        }
        if (trip == null) {
            errors.add("tripId: must be a UUID");
        }
        if (passengers == null || passengers.isEmpty() || passengers.size() > PASSENGERS_MAX) {
            errors.add("passengers: must hold 1 to " + PASSENGERS_MAX + " passengers");
        } else {
            for (int i = 0; i < passengers.size(); i++) {
                Passenger passenger = passengers.get(i);
                String name = passenger == null ? null : passenger.name();
                if (name == null || name.isBlank() || name.length() > NAME_LENGTH_MAX) {
                    errors.add("passengers[" + i + "].name: must be 1 to " + NAME_LENGTH_MAX + " characters");
                }
            }
        }
        List<String> requested = seats == null ? List.of() : seats;
        if (!requested.isEmpty()) {
            if (passengers != null && requested.size() != passengers.size()) {
                errors.add("seats: must name one seat per passenger");
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < requested.size(); i++) {
                String label = requested.get(i);
                if (label == null || !SEAT_LABEL.matcher(label).matches()) {
                    errors.add("seats[" + i + "]: must be a row number and a letter, e.g. 12A");
                } else if (!seen.add(label)) {
                    errors.add("seats[" + i + "]: " + label + " is named twice");
                }
            }
        }
        if (idempotencyKey != null
                && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_LENGTH_MAX)) {
            errors.add("Idempotency-Key: must be 1 to " + IDEMPOTENCY_KEY_LENGTH_MAX + " characters");
        }
        if (hold != null
                && (hold.seconds() == null || hold.seconds() < HOLD_SECONDS_MIN || hold.seconds() > HOLD_SECONDS_MAX)) {
            errors.add("hold.seconds: must be " + HOLD_SECONDS_MIN + " to " + HOLD_SECONDS_MAX);
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return new ValidBooking(
                trip,
                passengers.size(),
                SeatLabels.sorted(requested),
                idempotencyKey,
                receivedAt,
                hold == null ? 0 : hold.seconds());
    }
}
