package io.fms.processor.outbox;

import io.fms.events.BookingJson;
import io.fms.processor.decision.BatchDecisions.PartitionEvent;
import java.util.Objects;
import java.util.UUID;

/**
 * An event written with the decision that caused it and published after the commit. Its event ID is fixed here, so
 * every republish carries the same one and consumers can drop the copies; so is its trace context, so an event the
 * sweeper publishes after a crash still continues the trace of the request behind it.
 *
 * @param partition the command partition whose owner publishes the row if the batch that wrote it could not
 * @param traceparent the W3C trace context of the command that caused the event, or null
 */
public record OutboxRow(
        UUID eventId, UUID bookingId, int partition, String eventType, byte[] payload, String traceparent) {

    public OutboxRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }

    public static OutboxRow of(PartitionEvent event) {
        return new OutboxRow(
                event.event().eventId(),
                event.event().bookingId(),
                event.partition(),
                BookingJson.typeOf((Record) event.event()),
                BookingJson.write(event.event()),
                event.traceparent());
    }
}
