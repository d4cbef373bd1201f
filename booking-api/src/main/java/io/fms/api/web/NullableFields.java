package io.fms.api.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The properties of the document's schemas that are sent as {@code null}, marked so (OpenAPI 3.1: {@code "null"}
 * among the types, and in the values of an enum). The records they come from carry no OpenAPI annotations (the
 * Kafka contract's {@code BookingView} and events must not depend on them), so they are named here.
 */
final class NullableFields {

    static final Map<String, List<String>> NULLABLE = Map.ofEntries(
            Map.entry(
                    "BookingView",
                    List.of(
                            "reason",
                            "contactEmail",
                            "callbackUrl",
                            "decidedAt",
                            "holdExpiresAt",
                            "paymentReference",
                            "waitlistPosition")),
            Map.entry("Notification", List.of("nextAttemptAt", "lastError", "firstAttemptAt", "completedAt")),
            Map.entry("Attempt", List.of("statusCode", "error")),
            Map.entry("BookingHeld", List.of("contactEmail", "callbackUrl")),
            Map.entry("BookingConfirmed", List.of("contactEmail", "callbackUrl", "paymentReference")),
            Map.entry("BookingWaitlisted", List.of("contactEmail", "callbackUrl")),
            Map.entry("BookingRejected", List.of("contactEmail", "callbackUrl")),
            Map.entry("BookingExpired", List.of("contactEmail", "callbackUrl")),
            Map.entry("BookingCancelled", List.of("contactEmail", "callbackUrl")));

    private NullableFields() {}

    /** Marks what {@link #NULLABLE} names; a schema or property that is not there is left alone. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void mark(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        NULLABLE.forEach((schemaName, properties) -> {
            Schema schema = schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                return;
            }
            for (String name : properties) {
                Schema property = (Schema) schema.getProperties().get(name);
                if (property == null || property.get$ref() != null) {
                    continue;
                }
                Set<String> types =
                        property.getTypes() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(property.getTypes());
                if (types.isEmpty() && property.getType() != null) {
                    types.add(property.getType());
                }
                types.add("null");
                property.setTypes(types);
                if (property.getEnum() != null && !property.getEnum().contains(null)) {
                    List values = new ArrayList<>(property.getEnum());
                    values.add(null);
                    property.setEnum(values);
                }
            }
        });
    }
}
