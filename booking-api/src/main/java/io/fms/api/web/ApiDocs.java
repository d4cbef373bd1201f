package io.fms.api.web;

/** Names shared by the OpenAPI annotations of every controller. */
public final class ApiDocs {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String ADMIN_KEY = "adminKey";

    /** The reference to the shared problem answer of {@code kind}, declared once in {@link OpenApiConfig}. */
    public static String ref(ProblemKind kind) {
        return "#/components/responses/" + kind.slug();
    }

    private ApiDocs() {}
}
