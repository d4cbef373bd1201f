package io.fms.notify.delivery;

import java.util.Objects;

/**
 * The result of one attempt as a sender saw it.
 *
 * @param statusCode the HTTP status, for webhooks that got an answer; else null
 * @param error a short description for the delivery log and the client, null on success
 */
public record AttemptResult(AttemptOutcome outcome, Integer statusCode, String error) {

    /** Longer error texts are cut: they are stored on every attempt and shown to clients. */
    public static final int ERROR_LENGTH_MAX = 500;

    public AttemptResult {
        Objects.requireNonNull(outcome);
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
        if (statusCode >= 200 && statusCode < 300) {
            return success(statusCode);
        }
        AttemptOutcome outcome = statusCode == 410 ? AttemptOutcome.GONE : AttemptOutcome.HTTP_ERROR;
        return new AttemptResult(outcome, statusCode, "receiver answered HTTP " + statusCode);
    }
}
