package io.fms.notify.delivery;

import java.util.Objects;

/**
 * The result of one attempt as a sender saw it.
 *
 * @param statusCode the HTTP status, for webhooks that got an answer; else null
 * @param error a short description for the delivery log and the client, null on success
 * @param retryAfterMs how long the receiver asked to be left alone ({@code Retry-After} on a 429 or 503); else null
 */
public record AttemptResult(AttemptOutcome outcome, Integer statusCode, String error, Long retryAfterMs) {

    /** Longer error texts are cut: they are stored on every attempt and shown to clients. */
    public static final int ERROR_LENGTH_MAX = 500;

    public AttemptResult(AttemptOutcome outcome, Integer statusCode, String error) {
        this(outcome, statusCode, error, null);
    }

    public AttemptResult {
        Objects.requireNonNull(outcome);
        if (retryAfterMs != null && retryAfterMs < 0) {
            retryAfterMs = null;
        }
        if (error != null && error.length() > ERROR_LENGTH_MAX) {
            error = error.substring(0, ERROR_LENGTH_MAX - 3) + "...";
        }
    }

    public static AttemptResult success(Integer statusCode) {
        return new AttemptResult(AttemptOutcome.SUCCESS, statusCode, null);
    }

    public static AttemptResult failure(AttemptOutcome outcome, String error) {
        return new AttemptResult(outcome, null, error);
    }

    public static AttemptResult httpStatus(int statusCode) {
        return httpStatus(statusCode, null);
    }

    /** @param retryAfterMs the receiver's {@code Retry-After}, kept for the 429 and 503 it belongs to */
    public static AttemptResult httpStatus(int statusCode, Long retryAfterMs) {
        if (statusCode >= 200 && statusCode < 300) {
            return success(statusCode);
        }
        AttemptOutcome outcome = statusCode == 410 ? AttemptOutcome.GONE : AttemptOutcome.HTTP_ERROR;
        Long asked = statusCode == 429 || statusCode == 503 ? retryAfterMs : null;
        return new AttemptResult(outcome, statusCode, "receiver answered HTTP " + statusCode, asked);
    }
}
