package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.UnreadableRecordException;
import io.fms.support.logging.LogFields;
import io.fms.support.tracing.TraceParent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the records of a poll into the events they carry and the deliveries each calls for. A record that cannot be
 * read is set aside to the dead-letter topic and counted, rather than blocking its partition or being dropped
 * unseen.
 */
@Component
public class EventReader {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    private final DeliveryPlanner planner;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;

    public EventReader(DeliveryPlanner planner, DeadLetters deadLetters, NotificationMetrics metrics) {
        this.planner = planner;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
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
                setAside(record, e.getMessage());
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

    private void setAside(ConsumerRecord<String, byte[]> record, String error) {
        try (LogFields fields = LogFields.of(record)) {
            log.warn(
                    "unreadable record {}-{}@{} sent to the dead-letter topic: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    error);
        }
        deadLetters.publishUnreadable(record, error);
        metrics.unreadableEvent();
    }
}
