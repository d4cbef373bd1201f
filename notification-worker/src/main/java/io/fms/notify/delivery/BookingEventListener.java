package io.fms.notify.delivery;

import io.fms.events.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Maps a poll of booking events to one call; the container commits the offsets after it returns. */
@Component
public class BookingEventListener {

    public static final String GROUP_ID = "fms-notification-worker";

    private final NotificationIntake intake;

    public BookingEventListener(NotificationIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = GROUP_ID, groupId = GROUP_ID, topics = Topics.BOOKING_EVENTS, batch = "true")
    public void onEvents(List<ConsumerRecord<String, byte[]>> records) {
        intake.accept(records);
    }
}
