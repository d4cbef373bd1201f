package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment for a held booking. It wins when Kafka appended it at or before the hold's deadline, judged by the
 * record's log-append time, so whether a payment beat the deadline follows from the log alone.
 *
 * @param paymentReference the payment provider's reference, 1 to {@link #PAYMENT_REFERENCE_MAX} printable characters
 */
public record BookingConfirmationRequested(UUID bookingId, UUID tripId, String paymentReference, Instant requestedAt)
        implements BookingCommand.OnBooking {

    public static final int PAYMENT_REFERENCE_MAX = 100;

    /** Whether {@code reference} is 1 to {@link #PAYMENT_REFERENCE_MAX} printable characters (no controls). */
    public static boolean isValidPaymentReference(String reference) {
        return reference != null
                && !reference.isEmpty()
                && reference.length() <= PAYMENT_REFERENCE_MAX
                && Texts.isWellFormed(reference)
                && reference.codePoints().noneMatch(Character::isISOControl);
    }
}
