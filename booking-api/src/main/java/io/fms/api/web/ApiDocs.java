package io.fms.api.web;

/** Names shared by the OpenAPI annotations of every controller. */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String ADMIN_KEY = "adminKey";

    /** References to the problem answers declared once in {@link OpenApiConfig}, one per {@link ProblemKind}. */
    public static final String VALIDATION = "#/components/responses/validation";

    public static final String MALFORMED = "#/components/responses/malformed-request";
    public static final String UNAUTHORIZED = "#/components/responses/unauthorized";
    public static final String ADMIN_KEY_NOT_CONFIGURED = "#/components/responses/admin-key-not-configured";
    public static final String NOT_FOUND = "#/components/responses/not-found";
    public static final String CONFLICT = "#/components/responses/conflict";
    public static final String SOLD_OUT_OR_CLOSED = "#/components/responses/sold-out";
    public static final String NOT_CANCELLABLE = "#/components/responses/not-cancellable";
    public static final String PAYLOAD_TOO_LARGE = "#/components/responses/payload-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/unsupported-media-type";
    public static final String IDEMPOTENCY_KEY_REUSED = "#/components/responses/idempotency-key-reused";
    public static final String RATE_LIMITED = "#/components/responses/rate-limited";
    public static final String UNAVAILABLE = "#/components/responses/unavailable";

    private ApiDocs() {}
}
