package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import java.util.List;

/**
 * A booking event read from Kafka and the deliveries it calls for.
 *
 * @param event the record's value, read
 * @param payload the record's value as it came: stored, signed and sent byte for byte
 * @param traceparent the record's W3C traceparent header when it had a valid one, else null
 */
public record IncomingEvent(
        BookingEvent event,
        byte[] payload,
        int partition,
        long offset,
        List<PlannedDelivery> deliveries,
        String traceparent) {

    public IncomingEvent {
        deliveries = List.copyOf(deliveries);
    }
}
