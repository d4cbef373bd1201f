package io.fms.processor.outbox;

import io.fms.events.Topics;
import io.fms.support.tracing.TraceParent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands a command's trace on to the events its decision produces. Commands are decided in batches, outside any
 * span, so the command record's {@code traceparent} is remembered by booking ID when the batch arrives and put on
 * each event of that booking the batch publishes. Held in memory only: an event the outbox sweeper publishes later
 * (after a crash, or while Kafka was away) starts a trace of its own.
 */
@Component
public class EventTraces {

    /** A bound on what is remembered; a batch's entries are taken when its events are sent. */
    static final int REMEMBERED_MAX = 100_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, String> byBooking = new ConcurrentHashMap<>();

    /** The traceparent of each command record that has one, by the booking the command is about. */
    public void remember(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            String traceparent = TraceParent.of(record.headers());
            if (traceparent == null || !Topics.BOOKING_COMMANDS.equals(record.topic())) {
                continue;
            }
            UUID bookingId = bookingIdOf(record.value());
            if (bookingId != null) {
                if (byBooking.size() >= REMEMBERED_MAX) {
                    // Only events that were never sent leave entries behind; losing their traces beats growing.
                    byBooking.clear();
                }
                byBooking.put(bookingId, traceparent);
            }
        }
    }

    /** Puts the traceparent of the command behind this booking's event on the event record, and forgets it. */
    public void stamp(UUID bookingId, Headers headers) {
        String traceparent = byBooking.remove(bookingId);
        if (traceparent != null) {
            TraceParent.put(headers, traceparent);
        }
    }

    /**
     * The command's top-level bookingId, read by streaming only as far as it (it is the third field), not by
     * reading the whole command a second time; null when there is none. The command reader judges the rest.
     */
    static UUID bookingIdOf(byte[] json) {
        if (json == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                if ("bookingId".equals(name)) {
                    return token == JsonToken.VALUE_STRING ? UUID.fromString(parser.getString()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
