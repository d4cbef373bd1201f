package io.fms.api.booking;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/v1/bookings/{bookingId}/confirmation}. */
public record ConfirmationRequest(
        @Schema(
                description = "The payment provider's reference, 1 to 100 printable characters; repeating a"
                        + " confirmation with the same reference is harmless",
                example = "psp_8842",
                minLength = 1,
                maxLength = 100)
        String paymentReference) {}
