package io.fms.bench.baseline.booking;

/** Answered 409: the booking's status does not allow what was asked (cancel a rejection, pay a booking not held). */
public class BookingConflictException extends RuntimeException {

    public BookingConflictException(String detail) {
        super(detail, null, false, false);
    }
}
