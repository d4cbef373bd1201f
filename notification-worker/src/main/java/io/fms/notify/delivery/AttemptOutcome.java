package io.fms.notify.delivery;

/** What one attempt came to, as recorded in {@code notify.attempts.outcome}. */
public enum AttemptOutcome {
    SUCCESS(true, false),
    /** Any non-2xx answer but 410 (a 3xx too: redirects are not followed). */
    HTTP_ERROR(false, true),
    /** 410 Gone: the receiver asked us to stop. */
    GONE(false, false),
    /** Connect, read or whole-request deadline passed. */
    TIMEOUT(false, true),
    CONNECTION_ERROR(false, true),
    /** The callback host did not resolve: DNS can recover, so it is retried. */
    UNRESOLVED(false, true),
    /** The URL or an address it resolved to is refused by the SSRF policy: retrying cannot help. */
    REFUSED(false, false),
    SMTP_ERROR(false, true),
    /** The message could not be built (e.g. a malformed address): retrying cannot help. */
    INVALID_MESSAGE(false, false),
    /** A bug of ours; retried, because the next attempt may run on fixed code. */
    INTERNAL_ERROR(false, true);

    private final boolean success;
    private final boolean retryable;

    AttemptOutcome(boolean success, boolean retryable) {
        this.success = success;
        this.retryable = retryable;
    }

    public boolean success() {
        return success;
    }

    public boolean retryable() {
        return retryable;
    }
}
