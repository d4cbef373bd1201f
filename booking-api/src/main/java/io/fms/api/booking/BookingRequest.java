package io.fms.api.booking;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The body of {@code POST /api/v1/bookings}, as sent; {@link BookingRequestValidator} checks and normalises it. */
public record BookingRequest(
        @Schema(description = "The trip to book", example = "0f8fad5b-d9cb-469f-a165-70867728950e")
        String tripId,

        @ArraySchema(arraySchema = @Schema(description = "1 to 9 travellers"), minItems = 1, maxItems = 9)
        List<PassengerRequest> passengers,

        @ArraySchema(
                arraySchema =
                        @Schema(
                                description = "Optional: exactly one seat per passenger; the booking gets these seats"
                                        + " or none. Without it, seats are assigned side by side where possible."),
                schema = @Schema(example = "12A"))
        List<String> seats,

        @Schema(description = "Optional: where the confirmation email goes", example = "ada@example.com")
        String contactEmail,

        @Schema(
                description = "Optional: http(s) URL that receives the signed decision webhook;"
                        + " private and loopback addresses are refused",
                example = "https://client.example.com/hooks/fms")
        String callbackUrl,

        @Schema(
                description = "Optional: hold the seats while the traveller pays. The decision is then HELD until"
                        + " holdExpiresAt instead of CONFIRMED; confirm with POST .../confirmation before then.")
        HoldRequest hold,

        // Read as sent and checked by the validator: Jackson would take "true" or 1 for true.
        @Schema(
                type = "boolean",
                description = "Optional, only without seats: when the trip cannot seat the party, wait on the trip's"
                        + " waitlist (WAITLISTED, with waitlistPosition) instead of being REJECTED SOLD_OUT",
                example = "false")
        JsonNode waitlist) {

    /** @param seconds read as sent and checked by the validator: Jackson would take 60.5 for 60, "600" for 600 */
    public record HoldRequest(
            @Schema(
                    type = "integer",
                    format = "int32",
                    minimum = "30",
                    maximum = "1800",
                    description = "How long the seats are held, 30 to 1800 seconds",
                    example = "600")
            JsonNode seconds) {}

    public record PassengerRequest(
            @Schema(description = "1 to 100 characters", example = "Ada Lovelace")
            String name) {}
}
