package io.fms.e2e;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON as a client reads it: by the documented fields, tolerating any others. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    /** The top-level {@code status} of a Spring health document, or what came instead. */
    static String overallStatus(String body) {
        try {
            JsonNode status = tree(body).path("status");
            return status.isString() ? status.asString() : "no status in " + abbreviate(body);
        } catch (JacksonException e) {
            return "not JSON: " + abbreviate(body);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
