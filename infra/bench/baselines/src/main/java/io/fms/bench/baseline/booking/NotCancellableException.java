package io.fms.bench.baseline.booking;

/** Answered 409: only a confirmed booking can be cancelled. */
public class NotCancellableException extends RuntimeException {

    public NotCancellableException(String detail) {
        super(detail, null, false, false);
    }
}
