package io.fms.api.web;

import com.fasterxml.jackson.core.JacksonException;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the {@link JsonAnswer}s and {@link RequestExamples} of a handler. springdoc has already derived the
 * schemas from the handler's signature: the body of the answer it assumes (200, from the return type) and of the
 * request; this gives that body schema to each declared answer, adds the examples, and the {@code Location} header
 * of a {@code 201} or {@code 202} answer.
 */
final class AnswerDocs implements OperationCustomizer {

    private static final String JSON = "application/json";
    private static final String RETURN_TYPE_ANSWER = "200";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequestExamples requestExamples = handler.getMethodAnnotation(RequestExamples.class);
        if (requestExamples != null) {
            body(
                            operation.getRequestBody() == null
                                    ? null
                                    : operation.getRequestBody().getContent(),
                            handler,
                            "request")
                    .examples(examples(requestExamples.value(), handler));
        }
        JsonAnswer[] answers = handler.getMethod().getAnnotationsByType(JsonAnswer.class);
        if (answers.length == 0) {
            return operation;
        }
        ApiResponses responses = operation.getResponses();
        ApiResponse derived = responses == null ? null : responses.remove(RETURN_TYPE_ANSWER);
        Schema<?> schema = body(derived == null ? null : derived.getContent(), handler, "answer")
                .getSchema();
        for (JsonAnswer answer : answers) {
            ApiResponse response = new ApiResponse()
                    .description(answer.description())
                    .content(new Content()
                            .addMediaType(
                                    JSON,
                                    new MediaType().schema(schema).examples(examples(answer.examples(), handler))));
            if (answer.status() == HttpStatus.CREATED.value() || answer.status() == HttpStatus.ACCEPTED.value()) {
                response.addHeaderObject(HttpHeaders.LOCATION, location(handler));
            }
            responses.addApiResponse(String.valueOf(answer.status()), response);
        }
        return operation;
    }

    private static MediaType body(Content content, HandlerMethod handler, String what) {
        MediaType body = content == null ? null : content.get(JSON);
        if (body == null || body.getSchema() == null) {
            throw new IllegalStateException(handler + " has examples for a JSON " + what + " without a JSON body");
        }
        return body;
    }

    private static Header location(HandlerMethod handler) {
        AnswerLocation location =
                AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AnswerLocation.class);
        if (location == null) {
            throw new IllegalStateException(handler + " answers 201 or 202 without an @AnswerLocation on its class");
        }
        StringSchema uri = new StringSchema();
        uri.format("uri-reference").example(location.example());
        return new Header()
                .description(location.description())
                .style(Header.StyleEnum.SIMPLE)
                .schema(uri);
    }

    /** As springdoc writes an {@code @ExampleObject}: the value parsed as JSON, the name as its description. */
    private static Map<String, Example> examples(ExampleObject[] examples, HandlerMethod handler) {
        Map<String, Example> named = new LinkedHashMap<>();
        for (ExampleObject example : examples) {
            try {
                named.put(
                        example.name(),
                        new Example()
                                .description(example.name())
                                .value(Json31.mapper().readTree(example.value())));
            } catch (JacksonException e) {
                throw new IllegalStateException(handler + ": example " + example.name() + " is not JSON", e);
            }
        }
        return named;
    }
}
