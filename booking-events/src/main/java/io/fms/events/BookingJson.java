package io.fms.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            "BookingCancellationRequested", BookingCancellationRequested.class,
            "BookingConfirmationRequested", BookingConfirmationRequested.class,
            "PartitionTick", PartitionTick.class);

    private static final Map<String, Class<? extends BookingEvent>> EVENTS = Map.of(
            "BookingHeld", BookingHeld.class,
            "BookingConfirmed", BookingConfirmed.class,
            "BookingWaitlisted", BookingWaitlisted.class,
            "BookingRejected", BookingRejected.class,
            "BookingExpired", BookingExpired.class,
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

    // What goes before the record's own fields, per record class: {"type":"...","schemaVersion":1
    private static final Map<Class<?>, byte[]> HEADS = new ConcurrentHashMap<>();

    /**
     * The record's fields, serialised in one pass, behind its type and schema version. (Building a tree first and
     * writing that costs twice as much, and the processor writes every event this way.)
     */
    private static byte[] writeTyped(Record value) {
        byte[] fields = MAPPER.writeValueAsBytes(value);
        byte[] head = HEADS.computeIfAbsent(
                value.getClass(),
                type -> ("{\"type\":\"" + type.getSimpleName() + "\",\"schemaVersion\":" + SCHEMA_VERSION)
                        .getBytes(StandardCharsets.UTF_8));
        // A record serialises as a JSON object: '{', its fields (if any), '}'.
        boolean noFields = fields.length == 2;
        byte[] json = Arrays.copyOf(head, head.length + fields.length - (noFields ? 1 : 0));
        if (noFields) {
            json[head.length] = '}';
        } else {
            json[head.length] = ',';
            System.arraycopy(fields, 1, json, head.length + 1, fields.length - 1);
        }
        return json;
    }

    private static <T> T readTyped(byte[] json, Map<String, Class<? extends T>> types) {
        T fast = readTypedInOnePass(json, types);
        return fast != null ? fast : readTypedThroughTree(json, types);
    }

    /**
     * Reads what this class writes ({@code type} and {@code schemaVersion} first, both known) in one pass, without
     * building a tree. Returns null for anything else, malformed input included, so that the tree reader decides
     * and explains.
     */
    private static <T> T readTypedInOnePass(byte[] json, Map<String, Class<? extends T>> types) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT
                    || parser.nextToken() != JsonToken.PROPERTY_NAME
                    || !"type".equals(parser.currentName())
                    || parser.nextToken() != JsonToken.VALUE_STRING) {
                return null;
            }
            Class<? extends T> target = types.get(parser.getString());
            if (target == null
                    || parser.nextToken() != JsonToken.PROPERTY_NAME
                    || !"schemaVersion".equals(parser.currentName())
                    || parser.nextToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getIntValue() != SCHEMA_VERSION) {
                return null;
            }
            // Positioned on the next property name (or the end of the object): the record's deserializer reads
            // from there, as it does behind a type id.
            parser.nextToken();
            return MAPPER.readValue(parser, target);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T readTypedThroughTree(byte[] json, Map<String, Class<? extends T>> types) {
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
