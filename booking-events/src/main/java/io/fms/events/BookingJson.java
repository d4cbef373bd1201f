package io.fms.events;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of commands, events and read-model entries: JSON objects that name their {@code type} and
 * {@code schemaVersion} first, then the record's fields.
 *
 * <p>Readers tolerate fields they do not know (a newer writer may add some) but refuse a type or a schema version
 * they do not know, because guessing at the meaning of a booking command is worse than setting it aside.
 */
public final class BookingJson {

    public static final int SCHEMA_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final Map<String, Class<? extends BookingCommand>> COMMANDS = Map.of(
            "BookingRequested", BookingRequested.class,
            "BookingCancellationRequested", BookingCancellationRequested.class);

    private static final Map<String, Class<? extends BookingEvent>> EVENTS = Map.of(
            "BookingConfirmed", BookingConfirmed.class,
            "BookingRejected", BookingRejected.class,
            "BookingCancelled", BookingCancelled.class);

    private BookingJson() {}

    /** The name written in the {@code type} field and the {@link Topics#HEADER_TYPE} header. */
    public static String typeOf(Record value) {
        return value.getClass().getSimpleName();
    }

    public static byte[] write(BookingCommand command) {
        return writeTyped((Record) command);
    }

    public static byte[] write(BookingEvent event) {
        return writeTyped((Record) event);
    }

    public static BookingCommand readCommand(byte[] json) {
        return readTyped(json, COMMANDS);
    }

    public static BookingEvent readEvent(byte[] json) {
        return readTyped(json, EVENTS);
    }

    /** Plain JSON for values that carry no type, such as read-model entries. */
    public static byte[] writePlain(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    public static <T> T readPlain(byte[] json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new UnreadableRecordException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] writeTyped(Record value) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", typeOf(value));
        node.put("schemaVersion", SCHEMA_VERSION);
        node.setAll((ObjectNode) MAPPER.valueToTree(value));
        return MAPPER.writeValueAsBytes(node);
    }

    private static <T> T readTyped(byte[] json, Map<String, Class<? extends T>> types) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new UnreadableRecordException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new UnreadableRecordException("not a JSON object");
        }
        String type = node.path("type").asString("");
        Class<? extends T> target = types.get(type);
        if (target == null) {
            throw new UnreadableRecordException("unknown type '" + type + "'");
        }
        int version = node.path("schemaVersion").asInt(-1);
        if (version != SCHEMA_VERSION) {
            throw new UnreadableRecordException("unsupported schemaVersion " + version + " of " + type);
        }
        try {
            return MAPPER.treeToValue(node, target);
        } catch (JacksonException e) {
            throw new UnreadableRecordException("malformed " + type + ": " + e.getOriginalMessage(), e);
        }
    }
}
