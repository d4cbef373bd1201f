package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.UnreadableRecordException;
import io.fms.support.tracing.TraceParent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

/**
 * Reads the records of a poll into the events they carry and the deliveries each calls for. A record that cannot be
 * read goes to the dead-letter topic.
 */
@Component
public class EventReader {

    private final DeliveryPlanner planner;
    private final DeadLetters deadLetters;

    public EventReader(DeliveryPlanner planner, DeadLetters deadLetters) {
        this.planner = planner;
        this.deadLetters = deadLetters;
    }

    /** The readable records' events, in the poll's order; the others are in the dead-letter topic when it returns. */
    public List<IncomingEvent> read(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            BookingEvent event;
            try {
                if (record.value() == null) {
                    throw new UnreadableRecordException("record has no value");
                }
                event = BookingJson.readEvent(record.value());
            } catch (UnreadableRecordException e) {
                deadLetters.publishUnreadable(record, e.getMessage());
                continue;
            }
            // Stored as it came: the webhook body is the processor's bytes, not our re-encoding of them.
            events.add(new IncomingEvent(
                    event,
                    record.value(),
                    record.partition(),
                    record.offset(),
                    planner.plan(event),
                    TraceParent.of(record.headers())));
        }
        return events;
    }
}
