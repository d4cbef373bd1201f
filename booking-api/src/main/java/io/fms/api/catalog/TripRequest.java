package io.fms.api.catalog;

import io.fms.allocation.SeatLayout;
import io.fms.api.web.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The body of {@code POST /api/v1/flights/{flightId}/trips}. */
public record TripRequest(
        @Schema(description = "ISO-8601 date-time with offset, in the future", example = "2031-06-01T09:30:00Z")
        String departureTime,

        @Schema(description = "Seat rows, 1-150", example = "30")
        Integer rows,

        @Schema(description = "Seat column letters in cabin order, 1-10 distinct letters A-Z", example = "ABCDEF")
        String columns) {

    /** A trip to create: departure and cabin, checked. */
    record Checked(Instant departureTime, SeatLayout layout) {}

    Checked validated(Instant now) {
        Violations violations = new Violations();
        Instant departure = null;
        if (departureTime == null || departureTime.isBlank()) {
            violations.add("departureTime", "is required");
        } else {
            try {
                // Postgres keeps microseconds; truncating here makes what we answer equal what we store.
                departure =
                        OffsetDateTime.parse(departureTime.strip()).toInstant().truncatedTo(ChronoUnit.MICROS);
                if (!departure.isAfter(now)) {
                    violations.add("departureTime", "must be in the future");
                }
            } catch (DateTimeParseException e) {
                violations.add("departureTime", "must be an ISO-8601 date-time with offset, e.g. 2031-06-01T09:30:00Z");
            }
        }
        if (rows == null) {
            violations.add("rows", "is required");
        } else {
            SeatLayout.rowsProblem(rows).ifPresent(problem -> violations.add("rows", problem));
        }
        String letters = FlightRequest.upper(columns);
        if (letters == null) {
            violations.add("columns", "is required");
        } else {
            SeatLayout.columnsProblem(letters).ifPresent(problem -> violations.add("columns", problem));
        }
        violations.throwIfAny();
        return new Checked(departure, new SeatLayout(rows, letters));
    }
}
