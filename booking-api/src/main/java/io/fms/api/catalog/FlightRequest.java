package io.fms.api.catalog;

import io.fms.api.web.Violations;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import java.util.regex.Pattern;

/** The body of {@code POST /api/v1/flights}; codes are accepted in either case and stored in upper case. */
public record FlightRequest(
        @Schema(description = "IATA flight designator: airline code and 1-4 digits, optional suffix", example = "FM101")
        String flightNumber,

        @Schema(description = "IATA airport code of departure", example = "LHR")
        String origin,

        @Schema(description = "IATA airport code of arrival; differs from origin", example = "JFK")
        String destination) {

    private static final Pattern FLIGHT_NUMBER = Pattern.compile("(?:[A-Z]{2}|[A-Z][0-9]|[0-9][A-Z])[0-9]{1,4}[A-Z]?");
    private static final Pattern AIRPORT = Pattern.compile("[A-Z]{3}");

    /** The same flight, checked and normalised; every invalid field is named. */
    FlightRequest validated() {
        String number = upper(flightNumber);
        String from = upper(origin);
        String to = upper(destination);
        Violations violations = new Violations();
        if (number == null) {
            violations.add("flightNumber", "is required");
        } else if (!FLIGHT_NUMBER.matcher(number).matches()) {
            violations.add("flightNumber", "must be an airline code and 1-4 digits, e.g. FM101");
        }
        airport(violations, "origin", from);
        airport(violations, "destination", to);
        if (from != null && from.equals(to)) {
            violations.add("destination", "must differ from origin");
        }
        violations.throwIfAny();
        return new FlightRequest(number, from, to);
    }

    static void airport(Violations violations, String field, String code) {
        if (code == null) {
            violations.add(field, "is required");
        } else if (!AIRPORT.matcher(code).matches()) {
            violations.add(field, "must be a 3-letter IATA airport code");
        }
    }

    static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
