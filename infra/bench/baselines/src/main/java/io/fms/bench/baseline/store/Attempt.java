package io.fms.bench.baseline.store;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import java.util.List;
import java.util.UUID;

/** How one try at a booking ended; only {@link Confirmed} leaves its transaction committed. */
public sealed interface Attempt {

    record Confirmed(List<String> seats) implements Attempt {}

    record Rejected(String reason) implements Attempt {}

    /** The seats were free, but a request with the same idempotency key was decided first. */
    record KeyTaken() implements Attempt {}

    /** The seats this try chose were taken or locked under it; another try may succeed. */
    record TryAgain() implements Attempt {}

    /** Turns a final attempt into the answer, recording a rejection as its own booking row. */
    public static BookingAnswer answer(BookingLedger ledger, UUID bookingId, ValidBooking booking, Attempt attempt) {
        return switch (attempt) {
            case Confirmed confirmed -> BookingAnswer.confirmed(bookingId, confirmed.seats());
            case Rejected rejected -> ledger.reject(bookingId, booking, rejected.reason());
            case KeyTaken keyTaken -> ledger.earlierDecision(booking.idempotencyKey());
            case TryAgain tryAgain -> throw new IllegalStateException("a retry is not an answer");
        };
    }

    /** The confirmation's outcome as an attempt; anything but {@link Confirmed} must roll back. */
    public static Attempt of(BookingLedger.Confirmation confirmation, List<String> seats) {
        if (confirmation.complete()) {
            return new Confirmed(seats);
        }
        return confirmation.keyTaken() ? new KeyTaken() : new TryAgain();
    }
}
