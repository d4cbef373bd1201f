package io.fms.bench.baseline.store;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How one try at a booking ended; only {@link Confirmed} leaves its transaction committed. */
public sealed interface Attempt {

    /** @param holdExpiresAt when the hold lapses, null when the booking is confirmed outright */
    record Confirmed(List<String> seats, Instant holdExpiresAt) implements Attempt {}

    record Rejected(String reason) implements Attempt {}

    /** The seats were free, but a request with the same idempotency key was decided first. */
    record KeyTaken() implements Attempt {}

    /** The seats this try chose were taken or locked under it; another try may succeed. */
    record TryAgain() implements Attempt {}

    /** Turns a final attempt into the answer, recording a rejection as its own booking row. */
    public static BookingAnswer answer(BookingLedger ledger, UUID bookingId, ValidBooking booking, Attempt attempt) {
        return switch (attempt) {
            case Confirmed confirmed ->
                confirmed.holdExpiresAt() == null
                        ? BookingAnswer.confirmed(bookingId, confirmed.seats())
                        : BookingAnswer.held(bookingId, confirmed.seats(), confirmed.holdExpiresAt());
            case Rejected rejected -> ledger.reject(bookingId, booking, rejected.reason());
            case KeyTaken keyTaken -> ledger.earlierDecision(booking.idempotencyKey());
            case TryAgain tryAgain -> throw new IllegalStateException("a retry is not an answer");
        };
    }

    /** The confirmation's outcome as an attempt; anything but {@link Confirmed} must roll back. */
    public static Attempt of(BookingLedger.Confirmation confirmation, List<String> seats) {
        if (confirmation.complete()) {
            return new Confirmed(seats, confirmation.holdExpiresAt());
        }
        return confirmation.keyTaken() ? new KeyTaken() : new TryAgain();
    }
}
