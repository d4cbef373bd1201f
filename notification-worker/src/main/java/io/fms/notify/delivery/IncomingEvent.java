package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import java.util.List;

/**
 * A booking event read from Kafka and the deliveries it calls for.
 *
 * @param event the record's value, read
 * @param payload the record's value as it came: stored, signed and sent byte for byte
 */
public record IncomingEvent(
        BookingEvent event, byte[] payload, int partition, long offset, List<PlannedDelivery> deliveries) {

    public IncomingEvent {
        deliveries = List.copyOf(deliveries);
    }
}
