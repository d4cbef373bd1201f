package io.fms.api.web;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The webhooks of the document (OpenAPI 3.1 {@code webhooks}): one per kind of booking event, the {@code POST} the
 * notification worker makes to a booking's {@code callbackUrl}. The body is the event as the processor wrote it to
 * Kafka, byte for byte; the headers are those of the Standard Webhooks specification and the older FMS ones. The
 * kinds are read from the sealed {@link BookingEvent}, so the document cannot forget one.
 */
final class WebhookDocs implements OpenApiCustomizer {

    static final String TAG = "Webhooks";

    private static final String TYPE = "type";
    private static final String SCHEMA_VERSION = "schemaVersion";
    private static final List<String> ALWAYS_PRESENT =
            List.of("eventId", "bookingId", "sequence", "trip", "passengers", "occurredAt");

    private static final Map<String, String> MEANINGS = Map.of(
            "BookingHeld",
            "The booking holds its seats (seats) until holdExpiresAt while the traveller pays; a confirmation by"
                    + " then makes it CONFIRMED, else it expires.",
            "BookingConfirmed",
            "The booking holds its seats (seats) for good; paymentReference names the payment when it was a hold.",
            "BookingWaitlisted",
            "The trip could not seat the party, which waits for seats at waitlistPosition (1 = next).",
            "BookingRejected",
            "The booking was refused and holds nothing; reason says why, and unavailableSeats lists the"
                    + " requested seats that caused a SEAT_UNAVAILABLE or INVALID_SEAT.",
            "BookingExpired",
            "The hold passed its deadline unpaid; releasedSeats are free again. A payment made after it is to be"
                    + " refunded.",
            "BookingCancelled",
            "The booking was cancelled (a hold released, a waiting party off the list); releasedSeats are free"
                    + " again.");

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        List<Class<?>> kinds = new ArrayList<>(Arrays.asList(BookingEvent.class.getPermittedSubclasses()));
        kinds.sort(Comparator.comparing(Class::getSimpleName));
        Map<String, PathItem> webhooks = new LinkedHashMap<>();
        for (Class<?> kind : kinds) {
            @SuppressWarnings("unchecked")
            Class<? extends BookingEvent> event = (Class<? extends BookingEvent>) kind;
            String name = event.getSimpleName();
            components.addSchemas(name, eventSchema(event, components));
            webhooks.put(lowerFirst(name), new PathItem().post(operation(event)));
        }
        openApi.setComponents(components);
        openApi.setWebhooks(webhooks);
    }

    /** The record's own fields, resolved as the API's schemas are, behind the type and schema version. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> eventSchema(Class<? extends BookingEvent> event, Components components) {
        Map<String, Schema> resolved =
                new LinkedHashMap<>(ModelConverters.getInstance(true).readAll(new AnnotatedType(event)));
        Schema own = resolved.remove(event.getSimpleName());
        resolved.forEach((name, schema) -> {
            if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                components.addSchemas(name, schema);
            }
        });
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                TYPE,
                new StringSchema()
                        ._enum(List.of(event.getSimpleName()))
                        .description("The kind of event; switch on it"));
        properties.put(
                SCHEMA_VERSION,
                new IntegerSchema()
                        ._enum(List.of(BookingJson.SCHEMA_VERSION))
                        .description("Grows when the event's form changes incompatibly"));
        properties.putAll(own.getProperties());
        describe(properties);
        own.setProperties(properties);
        List<String> required = new ArrayList<>(List.of(TYPE, SCHEMA_VERSION));
        ALWAYS_PRESENT.stream().filter(properties::containsKey).forEach(required::add);
        own.setRequired(required);
        own.setDescription(MEANINGS.getOrDefault(event.getSimpleName(), "A booking event.")
                + " Sent as the body of the " + lowerFirst(event.getSimpleName()) + " webhook.");
        return own;
    }

    @SuppressWarnings("rawtypes")
    private static void describe(Map<String, Schema> properties) {
        describe(properties, "eventId", "Stable across retries and republishing; the same as webhook-id");
        describe(
                properties,
                "sequence",
                "Grows by one with each event of the booking (1 for the decision, 2 for a cancellation): drop an"
                        + " event whose sequence is not above the last one seen for its bookingId");
        describe(properties, "contactEmail", "As the booking gave it, or null");
        describe(properties, "callbackUrl", "As the booking gave it: where this webhook is sent");
        describe(properties, "occurredAt", "When the processor decided");
    }

    @SuppressWarnings("rawtypes")
    private static void describe(Map<String, Schema> properties, String name, String description) {
        Schema schema = properties.get(name);
        if (schema != null && schema.get$ref() == null) {
            schema.setDescription(description);
        }
    }

    private static Operation operation(Class<? extends BookingEvent> event) {
        String name = event.getSimpleName();
        return new Operation()
                .operationId(lowerFirst(name) + "Webhook")
                .summary(name + ": sent to the booking's callbackUrl")
                .description(MEANINGS.getOrDefault(name, "A booking event.")
                        + " The notification worker POSTs the event, as JSON, to the callbackUrl of a booking that"
                        + " has one, signed as the Standard Webhooks specification says (standardwebhooks.com), so"
                        + " that its verifier libraries accept it. Verify the signature over the raw body, before"
                        + " parsing it. Delivery is at least once: de-duplicate on webhook-id.")
                .addTagsItem(TAG)
                .parameters(headers())
                .requestBody(new RequestBody()
                        .required(true)
                        .description("The event, byte for byte as the processor wrote it")
                        .content(new Content()
                                .addMediaType(
                                        "application/json",
                                        new MediaType()
                                                .schema(new Schema<>().$ref("#/components/schemas/" + name))
                                                .addExamples(
                                                        lowerFirst(name),
                                                        new Example().value(EventSamples.body(event))))))
                .responses(responses());
    }

    private static List<Parameter> headers() {
        return List.of(
                header(
                        "webhook-id",
                        "The event ID (eventId), the same on every retry of the event: de-duplicate on it",
                        new UUIDSchema(),
                        "9a3e4b1c-2d5f-4e6a-8b7c-0d1e2f3a4b5c"),
                header(
                        "webhook-timestamp",
                        "Unix seconds of this attempt; refuse messages far from your clock (replays)",
                        new IntegerSchema().format("int64"),
                        1935482400L),
                header(
                        "webhook-signature",
                        "v1,<base64 HMAC-SHA256 of \"<webhook-id>.<webhook-timestamp>.<raw body>\"> keyed with the"
                                + " base64 key of the secret FMS_WEBHOOK_SECRET (whsec_<base64 key>). While secrets"
                                + " are rotated, one signature per secret, separated by spaces: accept the message"
                                + " when any one matches",
                        new StringSchema().pattern("^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$"),
                        "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4="),
                header(
                        "FMS-Event-Id",
                        "The same ID as webhook-id, for receivers written against the older headers",
                        new UUIDSchema(),
                        "9a3e4b1c-2d5f-4e6a-8b7c-0d1e2f3a4b5c"),
                header(
                        "FMS-Signature",
                        "The older signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\"> keyed with"
                                + " the text of the current (first) secret as configured",
                        new StringSchema().pattern("^t=[0-9]+,v1=[0-9a-f]{64}$"),
                        "t=1935482400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"));
    }

    private static Parameter header(String name, String description, Schema<?> schema, Object example) {
        return new HeaderParameter()
                .name(name)
                .required(true)
                .description(description)
                .schema(schema)
                .example(example);
    }

    private static ApiResponses responses() {
        Header retryAfter = new Header()
                .description("Seconds, or an HTTP date: the next attempt is not made before it")
                .schema(new StringSchema().example("120"));
        return new ApiResponses()
                .addApiResponse("2XX", new ApiResponse().description("Received: the delivery is done (DELIVERED)"))
                .addApiResponse(
                        "410",
                        new ApiResponse().description("Gone: no further attempt is made (the delivery ends DEAD)"))
                .addApiResponse(
                        "429",
                        new ApiResponse()
                                .description("Retried, not before Retry-After (within the retry horizon)")
                                .addHeaderObject("Retry-After", retryAfter))
                .addApiResponse(
                        "503",
                        new ApiResponse()
                                .description("Retried, not before Retry-After (within the retry horizon)")
                                .addHeaderObject("Retry-After", retryAfter))
                .addApiResponse(
                        "default",
                        new ApiResponse()
                                .description(
                                        "Any other answer, or none in time: retried with exponential back-off"
                                                + " and jitter until the retry horizon, then the delivery ends DEAD and"
                                                + " the event goes to the dead-letter topic. Redirects are not followed."
                                                + " Every attempt is shown by GET /api/v1/bookings/{bookingId}/notifications."));
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
