package io.fms.notify.delivery;

import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Service;

/**
 * Records the work, then lets the workers do it: the consumer thread only stores events and their deliveries, so a
 * slow receiver never holds up a partition. Once this returns, the rows are committed and the offsets may be.
 */
@Service
public class NotificationIntake {

    private final EventReader reader;
    private final DeliveryLog deliveryLog;
    private final DeliveryDispatcher dispatcher;
    private final Clock clock;

    public NotificationIntake(EventReader reader, DeliveryLog deliveryLog, DeliveryDispatcher dispatcher, Clock clock) {
        this.reader = reader;
        this.deliveryLog = deliveryLog;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void accept(List<ConsumerRecord<String, byte[]>> records) {
        dispatcher.recorded(deliveryLog.record(reader.read(records), clock.instant()));
    }
}
