package io.fms.support.logging;

import io.fms.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/**
 * The fields a log line about one booking carries, as separate fields of a structured log line ({@code
 * FMS_LOG_FORMAT=ecs} or {@code logstash}) rather than only inside its message: a log search then finds every line
 * of a booking, a trip or a Kafka record. Set for the length of a {@code try} block on the thread that logs; every
 * field set is removed at its end, so a thread that goes on to other work logs nothing stale.
 */
public final class LogFields implements AutoCloseable {

    public static final String BOOKING = "booking";
    public static final String TRIP = "trip";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";

    private final List<String> set = new ArrayList<>(4);

    private LogFields() {}

    /** A Kafka record's partition and offset, and its key: a trip on the command topic, a booking on the events'. */
    public static LogFields of(ConsumerRecord<String, ?> record) {
        LogFields fields = new LogFields().put(PARTITION, record.partition()).put(OFFSET, record.offset());
        if (Topics.BOOKING_COMMANDS.equals(record.topic())) {
            fields.put(TRIP, record.key());
        } else if (Topics.BOOKING_EVENTS.equals(record.topic())) {
            fields.put(BOOKING, record.key());
        }
        return fields;
    }

    /** A booking, and the trip when it is known (null: left out). */
    public static LogFields ofBooking(UUID bookingId, UUID tripId) {
        return new LogFields().put(BOOKING, bookingId).put(TRIP, tripId);
    }

    /** The Kafka record a piece of work came from, for work read back from a store rather than from the record. */
    public LogFields record(int partition, long offset) {
        return put(PARTITION, partition).put(OFFSET, offset);
    }

    private LogFields put(String name, Object value) {
        if (value != null) {
            MDC.put(name, value.toString());
            set.add(name);
        }
        return this;
    }

    @Override
    public void close() {
        set.forEach(MDC::remove);
        set.clear();
    }
}
