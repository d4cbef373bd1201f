package io.fms.api.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI document, {@code docs/openapi.json}, and its canonical form: every object's keys sorted,
 * two-space indents, one newline at the end, so that the file changes only when the API does.
 */
final class OpenApiFile {

    /** Tests run in the module's directory; the document lives in the repository's {@code docs/}. */
    static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

    /** The system property that makes {@link OpenApiDocumentIT} rewrite the file instead of comparing. */
    static final String WRITE_PROPERTY = "fms.openapi.write";

    static final String REGENERATE = "./mvnw -q -pl booking-api -am verify -Dtest=none"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiDocumentIT"
            + " -Dfailsafe.failIfNoSpecifiedTests=false -D" + WRITE_PROPERTY + "=true";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenApiFile() {}

    static JsonNode read() {
        try {
            return JSON.readTree(Files.readString(COMMITTED));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMITTED.normalize() + "; make it with " + REGENERATE, e);
        }
    }

    static String canonical(JsonNode document) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectNameValueSpacing(Separators.Spacing.AFTER));
        return JSON.writer().with(printer).writeValueAsString(sorted(document)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
            fields.sort(Map.Entry.comparingByKey());
            fields.forEach(field -> copy.set(field.getKey(), sorted(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
