package io.fms.bench.baseline.trip;

/** A trip was created again with another layout: answered 409, nothing changes. */
public class LayoutConflictException extends RuntimeException {

    public LayoutConflictException(String detail) {
        super(detail, null, false, false);
    }
}
