package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.ApiProperties;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.databind.JsonNode;

/**
 * What a client generator needs from {@code docs/openapi.json} (which {@link OpenApiDocumentIT} keeps equal to the
 * served document): names for every operation, a schema and an example for every body, the paging and waiting
 * parameters, and the webhooks of every booking event.
 */
class OpenApiDocumentTest {

    private static final JsonNode DOCUMENT = OpenApiFile.read();
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z0-9]*");

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(DOCUMENT.get("openapi").asString()).startsWith("3.1.");
        assertThat(DOCUMENT.get("servers").get(0).get("url").asString()).isEqualTo("http://localhost:3000");
    }

    @Test
    void everyOperationHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        for (JsonNode operation : operations(DOCUMENT.get("paths"))) {
            ids.add(operation.path("operationId").asString(""));
        }
        for (JsonNode operation : operations(DOCUMENT.get("webhooks"))) {
            ids.add(operation.path("operationId").asString(""));
        }

        assertThat(ids).hasSizeGreaterThanOrEqualTo(14).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(id).matches(OPERATION_ID));
        assertThat(ids)
                .contains(
                        "createFlight",
                        "listFlights",
                        "getFlight",
                        "createTrip",
                        "listTrips",
                        "getTrip",
                        "getSeatMap",
                        "submitBooking",
                        "getBooking",
                        "cancelBooking",
                        "listBookingNotifications");
    }

    @Test
    void everyBodyOfTheApiHasASchemaAndAnExample() {
        List<String> checked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        DOCUMENT.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    String name = method.getKey() + " " + path.getKey();
                    JsonNode request = method.getValue().path("requestBody");
                    if (!request.isMissingNode()) {
                        checkContent(name + " request", request.get("content"), checked, missing);
                    }
                    method.getValue().get("responses").properties().forEach(response -> {
                        JsonNode answer = resolve(response.getValue());
                        checkContent(name + " " + response.getKey(), answer.get("content"), checked, missing);
                    });
                }));

        assertThat(missing).isEmpty();
        assertThat(checked)
                .contains("post /api/v1/bookings 202", "post /api/v1/bookings 400")
                .hasSizeGreaterThan(40);
    }

    @Test
    void everyProblemAnswerIsAProblemWithItsStableType() {
        DOCUMENT.get("components").get("responses").properties().forEach(response -> {
            JsonNode media = response.getValue().get("content").get("application/problem+json");
            assertThat(media.get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Problem");
            JsonNode example = media.get("examples").get(response.getKey()).get("value");
            assertThat(example.get("type").asString()).isEqualTo("urn:fms:problem:" + response.getKey());
        });
    }

    @Test
    void listEndpointsDocumentTheirPagingFromTheLimitsInForce() {
        int limitMax = listSizeMaxDefault();
        for (String path : List.of("/api/v1/flights", "/api/v1/trips")) {
            JsonNode operation = DOCUMENT.get("paths").get(path).get("get");
            JsonNode limit = parameter(operation, "query", Page.LIMIT);
            JsonNode offset = parameter(operation, "query", Page.OFFSET);

            assertThat(limit.get("schema").get("minimum").asInt()).as(path).isEqualTo(1);
            assertThat(limit.get("schema").get("maximum").asInt()).as(path).isEqualTo(limitMax);
            assertThat(offset.get("schema").get("minimum").asInt()).as(path).isZero();
            assertThat(offset.get("schema").get("maximum").asInt()).as(path).isEqualTo(Page.OFFSET_MAX);
            assertThat(operation.get("responses").get("200").get("headers").has("Link"))
                    .as(path)
                    .isTrue();
            assertThat(operation.get("responses").get("400").get("$ref").asString())
                    .isEqualTo("#/components/responses/validation");
        }
    }

    @Test
    void aBookingReadTakesPreferWaitAndSaysWhenItApplied() {
        JsonNode operation =
                DOCUMENT.get("paths").get("/api/v1/bookings/{bookingId}").get("get");

        assertThat(parameter(operation, "header", "Prefer").get("example").asString())
                .isEqualTo("wait=10");
        assertThat(parameter(operation, "query", "waitSeconds")).isNotNull();
        assertThat(operation.get("responses").get("200").get("headers").has("Preference-Applied"))
                .isTrue();
    }

    @Test
    void everyBookingEventHasASignedWebhookWhoseExampleIsItsWireForm() throws Exception {
        JsonNode webhooks = DOCUMENT.get("webhooks");
        Set<String> expected = new HashSet<>();
        for (Class<?> event : BookingEvent.class.getPermittedSubclasses()) {
            String name = event.getSimpleName();
            String key = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            expected.add(key);
            JsonNode post = webhooks.get(key).get("post");

            for (String header : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
                assertThat(parameter(post, "header", header).get("required").asBoolean())
                        .as(key + " " + header)
                        .isTrue();
            }
            JsonNode body = post.get("requestBody").get("content").get("application/json");
            assertThat(body.get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/" + name);
            JsonNode example = body.get("examples").get(key).get("value");
            // The example is what a receiver gets: the contract's own reader takes it as this event.
            BookingEvent read = BookingJson.readEvent(example.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(read).isInstanceOf(event);
            assertThat(example.get("eventId").asString())
                    .isEqualTo(parameter(post, "header", "webhook-id")
                            .get("example")
                            .asString());
            assertThat(post.get("responses").has("2XX")).isTrue();
        }
        Set<String> documented = new HashSet<>();
        webhooks.properties().forEach(webhook -> documented.add(webhook.getKey()));
        assertThat(documented).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void everyPropertyNamedNullableIsThereAndAllowsNull() {
        JsonNode schemas = DOCUMENT.get("components").get("schemas");
        NullableFields.NULLABLE.forEach((schema, properties) -> {
            for (String name : properties) {
                JsonNode property = schemas.path(schema).path("properties").path(name);
                assertThat(property.isMissingNode()).as(schema + "." + name).isFalse();
                assertThat(property.get("type").toString())
                        .as(schema + "." + name)
                        .contains("\"null\"");
            }
        });
        // The others stay as they are: an ID is never null.
        assertThat(schemas.get("BookingView")
                        .get("properties")
                        .get("bookingId")
                        .get("type")
                        .asString())
                .isEqualTo("string");
    }

    @Test
    void everyParameterExampleFitsItsPattern() {
        List<JsonNode> operations = new ArrayList<>(operations(DOCUMENT.get("paths")));
        operations.addAll(operations(DOCUMENT.get("webhooks")));
        int checked = 0;
        for (JsonNode operation : operations) {
            for (JsonNode parameter : operation.path("parameters")) {
                String pattern = parameter.path("schema").path("pattern").asString(null);
                if (pattern != null && parameter.has("example")) {
                    assertThat(parameter.get("example").asString())
                            .as(parameter.get("name").asString())
                            .containsPattern(pattern);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    /** The default of fms.api.list-size-max, which the document is written with. */
    private static int listSizeMaxDefault() {
        RecordComponent[] components = ApiProperties.class.getRecordComponents();
        Class<?>[] types =
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            // @DefaultValue sits on the canonical constructor's parameters, in the components' order.
            Parameter[] parameters =
                    ApiProperties.class.getDeclaredConstructor(types).getParameters();
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals("listSizeMax")) {
                    return Integer.parseInt(
                            parameters[i].getAnnotation(DefaultValue.class).value()[0]);
                }
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("ApiProperties has no listSizeMax");
    }

    private static void checkContent(String name, JsonNode content, List<String> checked, List<String> missing) {
        if (content == null || content.isEmpty()) {
            missing.add(name + ": no content");
            return;
        }
        content.properties().forEach(media -> {
            JsonNode value = media.getValue();
            if (!value.has("schema")) {
                missing.add(name + " " + media.getKey() + ": no schema");
            }
            if (!value.has("example") && value.path("examples").isEmpty()) {
                missing.add(name + " " + media.getKey() + ": no example");
            }
        });
        checked.add(name);
    }

    private static JsonNode resolve(JsonNode response) {
        if (!response.has("$ref")) {
            return response;
        }
        String name = response.get("$ref").asString().substring("#/components/responses/".length());
        return DOCUMENT.get("components").get("responses").get(name);
    }

    private static JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.get("in").asString().equals(in)
                    && parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no " + in + " parameter " + name + " in " + operation.path("operationId"));
    }

    private static List<JsonNode> operations(JsonNode pathItems) {
        List<JsonNode> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> item : pathItems.properties()) {
            item.getValue().properties().forEach(method -> operations.add(method.getValue()));
        }
        return operations;
    }
}
