package io.fms.api.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every kind of problem the API answers with, each with a stable {@code type} URI that clients may switch on.
 * The URIs are part of the public contract: add kinds, never rename one.
 */
public enum ProblemKind {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized"),
    ADMIN_KEY_NOT_CONFIGURED(HttpStatus.FORBIDDEN, "admin-key-not-configured", "Catalog writes are disabled"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflict"),
    SOLD_OUT(HttpStatus.CONFLICT, "sold-out", "Trip sold out"),
    TRIP_CLOSED(HttpStatus.CONFLICT, "trip-closed", "Trip closed to sales"),
    /** A sold-out trip whose waitlist holds as many parties as it may: the reason a request would get is WAITLIST_FULL. */
    WAITLIST_FULL(HttpStatus.CONFLICT, "waitlist-full", "Trip sold out and its waitlist full"),
    NOT_CANCELLABLE(HttpStatus.CONFLICT, "not-cancellable", "Booking cannot be cancelled"),
    NOT_CONFIRMABLE(HttpStatus.CONFLICT, "not-confirmable", "Booking cannot be confirmed"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(
            HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused with another request"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error");

    private static final String TYPE_PREFIX = "urn:fms:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;

    ProblemKind(HttpStatus status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** The kind the framework's own errors of this status map to, when nothing more specific is known. */
    public static ProblemKind forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : MALFORMED_REQUEST;
        };
    }
}
