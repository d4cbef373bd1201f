package io.fms.events;

/** A record that no version of this code can read: bad JSON, unknown type or unsupported schema version. */
public class UnreadableRecordException extends RuntimeException {

    public UnreadableRecordException(String message) {
        super(message);
    }

    public UnreadableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
