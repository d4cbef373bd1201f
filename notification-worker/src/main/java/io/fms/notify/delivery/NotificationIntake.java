package io.fms.notify.delivery;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.UnreadableRecordException;
import io.fms.support.logging.LogFields;
import io.fms.support.tracing.TraceParent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records the work, then lets the workers do it: the consumer thread only stores events and their deliveries, so a
 * slow receiver never holds up a partition. Once this returns, the rows are committed and the offsets may be.
 */
@Service
public class NotificationIntake {

    private static final Logger log = LoggerFactory.getLogger(NotificationIntake.class);

    private final DeliveryPlanner planner;
    private final DeliveryLog deliveryLog;
    private final DeadLetters deadLetters;
    private final DeliveryDispatcher dispatcher;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public NotificationIntake(
            DeliveryPlanner planner,
            DeliveryLog deliveryLog,
            DeadLetters deadLetters,
            DeliveryDispatcher dispatcher,
            NotificationMetrics metrics,
            Clock clock) {
        this.planner = planner;
        this.deliveryLog = deliveryLog;
        this.deadLetters = deadLetters;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void accept(List<ConsumerRecord<String, byte[]>> records) {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            BookingEvent event;
            try {
                if (record.value() == null) {
                    throw new UnreadableRecordException("record has no value");
                }
                event = BookingJson.readEvent(record.value());
            } catch (UnreadableRecordException e) {
                // Set aside with its origin rather than block the partition or drop it unseen.
                try (LogFields fields = LogFields.of(record)) {
                    log.warn(
                            "unreadable record {}-{}@{} sent to the dead-letter topic: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.getMessage());
                }
                deadLetters.publishUnreadable(record, e.getMessage());
                metrics.unreadableEvent();
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
        List<DeliveryLog.Recorded> recorded = deliveryLog.record(events, clock.instant());
        boolean anyPending = false;
        for (DeliveryLog.Recorded delivery : recorded) {
            if (delivery.status() == DeliveryStatus.PENDING) {
                anyPending = true;
            } else {
                metrics.deliveryFinished(delivery.channel(), delivery.eventType(), delivery.status());
            }
        }
        if (anyPending) {
            dispatcher.wakeUp();
        }
    }
}
