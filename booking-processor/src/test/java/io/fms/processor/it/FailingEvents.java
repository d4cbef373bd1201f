package io.fms.processor.it;

import io.fms.events.Topics;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Makes the processor's producer fail the next event of a chosen booking, as a broker that did not acknowledge it
 * would: the record is swapped for one over the producer's size limit, which the client refuses before sending.
 * Inert for every other record. Configured on the shared test context's producer.
 */
public class FailingEvents implements ProducerInterceptor<String, byte[]> {

    private static final int OVER_THE_LIMIT = 2 * 1024 * 1024;
    private static final Set<String> armed = ConcurrentHashMap.newKeySet();
    private static final Set<String> failed = ConcurrentHashMap.newKeySet();

    static void failNextEventOf(UUID bookingId) {
        armed.add(bookingId.toString());
    }

    static boolean hasFailedAnEventOf(UUID bookingId) {
        return failed.contains(bookingId.toString());
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.BOOKING_EVENTS) && record.key() != null && armed.remove(record.key())) {
            failed.add(record.key());
            return new ProducerRecord<>(
                    record.topic(), record.partition(), record.key(), new byte[OVER_THE_LIMIT], record.headers());
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {}

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
}
