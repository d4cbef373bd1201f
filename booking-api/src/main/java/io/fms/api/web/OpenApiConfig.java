package io.fms.api.web;

import io.fms.api.ApiProperties;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

/** The OpenAPI document's frame: title, the admin key scheme, and one shared answer per kind of problem. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "FMS booking API",
                        version = "v1",
                        description =
                                "Catalog of flights and trips, booking intake and booking status. A booking request is"
                                        + " validated, queued on Kafka and answered 202 at once; poll its status (optionally with"
                                        + " waitSeconds) until it is CONFIRMED or REJECTED. Errors are RFC 9457 problem details"
                                        + " with a stable type URI (urn:fms:problem:<kind>). List endpoints are paged with"
                                        + " limit and offset; a Link header names the next page. The webhooks section"
                                        + " describes the signed POSTs the notification worker sends to a booking's"
                                        + " callbackUrl."),
        // A fixed server, not the one springdoc guesses from each request, so that the committed document is the
        // served one; clients set their own base URL.
        servers = @Server(url = "http://localhost:3000", description = "The local stack (infra/fms up)"),
        // The other tags are declared on their controllers.
        tags =
                @Tag(
                        name = WebhookDocs.TAG,
                        description = "What the notification worker POSTs to a callbackUrl, signed"))
@SecurityScheme(
        name = ApiDocs.ADMIN_KEY,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "The admin key (FMS_ADMIN_API_KEY); needed for catalog writes only")
class OpenApiConfig {

    private static final String SCHEMA = "Problem";

    private static final Map<ProblemKind, String> EXAMPLES = examples();

    /**
     * One customizer for every operation, so that its steps run in this order: the declared answers first, then
     * the problems beside them, then the paging of a list, which documents the Link header of its answer.
     */
    @Bean
    OperationCustomizer endpointDocs(ApiProperties properties) {
        AnswerDocs answers = new AnswerDocs();
        PagedListDocs paging = new PagedListDocs(properties.listSizeMax());
        return (operation, handler) ->
                paging.customize(problemAnswers(answers.customize(operation, handler), handler), handler);
    }

    /**
     * Turns the problems a handler names ({@link ProblemAnswers}, and those implied by {@link AdminKeyRequired} and
     * {@link QueuedCommand}) into references to the shared problem responses.
     */
    private static Operation problemAnswers(Operation operation, HandlerMethod handler) {
        List<ProblemKind> kinds = new ArrayList<>();
        ProblemAnswers answers = handler.getMethodAnnotation(ProblemAnswers.class);
        if (answers != null) {
            kinds.addAll(List.of(answers.value()));
        }
        if (handler.hasMethodAnnotation(AdminKeyRequired.class)) {
            operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.ADMIN_KEY));
            kinds.addAll(List.of(ProblemKind.UNAUTHORIZED, ProblemKind.ADMIN_KEY_NOT_CONFIGURED));
        }
        if (handler.hasMethodAnnotation(QueuedCommand.class)) {
            kinds.addAll(List.of(ProblemKind.RATE_LIMITED, ProblemKind.UNAVAILABLE));
        }
        if (kinds.isEmpty()) {
            return operation;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (ProblemKind kind : kinds) {
            String status = String.valueOf(kind.status().value());
            if (responses.containsKey(status)) {
                throw new IllegalStateException(handler + " lists two answers for status " + status);
            }
            responses.addApiResponse(status, new ApiResponse().$ref(ApiDocs.ref(kind)));
        }
        operation.setResponses(responses);
        return operation;
    }

    /** One customizer, so that its steps run in this order: the last one marks schemas the earlier ones add. */
    @Bean
    OpenApiCustomizer documentFrame() {
        WebhookDocs webhooks = new WebhookDocs();
        return openApi -> {
            // Operations are public unless they name the admin key: said once for all, as linters ask.
            openApi.setSecurity(List.of(new SecurityRequirement()));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSchemas(SCHEMA, problemSchema());
            EXAMPLES.forEach((kind, detail) -> components.addResponses(kind.slug(), response(kind, detail)));
            openApi.setComponents(components);
            webhooks.customise(openApi);
            NullableFields.mark(openApi);
        };
    }

    private static ApiResponse response(ProblemKind kind, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", kind.type().toString());
        example.put("title", kind.title());
        example.put("status", kind.status().value());
        example.put("detail", detail);
        example.put("instance", "/api/v1/bookings");
        if (kind == ProblemKind.VALIDATION) {
            example.put(
                    "errors",
                    List.of(
                            Map.of("field", "passengers[0].name", "message", "must be 1 to 100 characters"),
                            Map.of("field", "seats[1]", "message", "is not a seat of this trip")));
        }
        MediaType problem = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))
                .addExamples(kind.slug(), new Example().value(example));
        String description = kind.title();
        if (kind == ProblemKind.VALIDATION) {
            // OpenAPI has one answer per status: a body that is not JSON at all shares the 400 of validation.
            Map<String, Object> malformed = new LinkedHashMap<>();
            malformed.put("type", ProblemKind.MALFORMED_REQUEST.type().toString());
            malformed.put("title", ProblemKind.MALFORMED_REQUEST.title());
            malformed.put("status", ProblemKind.MALFORMED_REQUEST.status().value());
            malformed.put("detail", "The request body is not valid JSON");
            malformed.put("instance", "/api/v1/bookings");
            problem.addExamples(ProblemKind.MALFORMED_REQUEST.slug(), new Example().value(malformed));
            description = kind.title() + " (" + kind.type() + ", each invalid field named in errors), or a malformed"
                    + " request (" + ProblemKind.MALFORMED_REQUEST.type() + ")";
        }
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(ApiDocs.PROBLEM_JSON, problem));
        if (kind == ProblemKind.UNAVAILABLE || kind == ProblemKind.RATE_LIMITED) {
            response.addHeaderObject(
                    "Retry-After",
                    new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
        }
        if (kind == ProblemKind.RATE_LIMITED) {
            response.addHeaderObject(
                    "RateLimit-Limit",
                    new Header()
                            .description("Requests a client may make at once")
                            .schema(new IntegerSchema()));
            response.addHeaderObject(
                    "RateLimit-Remaining",
                    new Header()
                            .description("Requests left now (0 when refused)")
                            .schema(new IntegerSchema()));
            response.addHeaderObject(
                    "RateLimit-Reset",
                    new Header()
                            .description("Seconds until requests are allowed again")
                            .schema(new IntegerSchema()));
        }
        return response;
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldProblem = new ObjectSchema();
        fieldProblem.addProperty("field", new StringSchema().example("passengers[0].name"));
        fieldProblem.addProperty("message", new StringSchema().example("is required"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details");
        problem.addProperty("type", new StringSchema().example("urn:fms:problem:validation"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new ArraySchema().items(fieldProblem).description("validation problems only"));
        return problem;
    }

    private static Map<ProblemKind, String> examples() {
        Map<ProblemKind, String> examples = new LinkedHashMap<>();
        examples.put(ProblemKind.VALIDATION, "2 fields are invalid; see errors");
        examples.put(ProblemKind.UNAUTHORIZED, "Catalog writes need the header Authorization: Bearer <admin key>");
        examples.put(
                ProblemKind.ADMIN_KEY_NOT_CONFIGURED,
                "This server has no admin key configured (FMS_ADMIN_API_KEY), so catalog writes are refused");
        examples.put(ProblemKind.NOT_FOUND, "No trip 0f8fad5b-d9cb-469f-a165-70867728950e");
        examples.put(ProblemKind.CONFLICT, "Flight FM101 already exists");
        examples.put(
                ProblemKind.SOLD_OUT,
                "Trip 0f8fad5b-d9cb-469f-a165-70867728950e is sold out (or trip-closed, or waitlist-full)");
        examples.put(
                ProblemKind.WAITLIST_FULL,
                "Trip 0f8fad5b-d9cb-469f-a165-70867728950e is sold out and 1000 parties wait already; the request"
                        + " would be refused WAITLIST_FULL");
        examples.put(ProblemKind.NOT_CANCELLABLE, "The booking was rejected; there is nothing to cancel");
        examples.put(ProblemKind.NOT_CONFIRMABLE, "The booking's hold expired; only a HELD booking can be confirmed");
        examples.put(ProblemKind.PAYLOAD_TOO_LARGE, "The request body is larger than 16384 bytes");
        examples.put(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type 'text/plain' is not supported");
        examples.put(ProblemKind.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with a different request body");
        examples.put(ProblemKind.RATE_LIMITED, "Too many booking requests from this address; retry after 1 s");
        examples.put(ProblemKind.UNAVAILABLE, "The request could not be queued; nothing was queued, retry later");
        return examples;
    }
}
