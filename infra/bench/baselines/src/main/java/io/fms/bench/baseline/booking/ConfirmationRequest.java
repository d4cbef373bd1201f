package io.fms.bench.baseline.booking;

import io.fms.bench.baseline.web.BadRequestException;
import java.util.List;

/** {@code {"paymentReference": "psp_8842"}}: the payment of a held booking, within FMS's limits. */
public record ConfirmationRequest(String paymentReference) {

    public static final int PAYMENT_REFERENCE_LENGTH_MAX = 100;

    /** The reference, else a 400: 1 to 100 characters, none of them a control character. */
    public String validated() {
        if (paymentReference == null
                || paymentReference.isEmpty()
                || paymentReference.length() > PAYMENT_REFERENCE_LENGTH_MAX
                || paymentReference.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException(List.of(
                    "paymentReference: must be 1 to " + PAYMENT_REFERENCE_LENGTH_MAX + " printable characters"));
        }
        return paymentReference;
    }
}
