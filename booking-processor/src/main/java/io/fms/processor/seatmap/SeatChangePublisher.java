package io.fms.processor.seatmap;

import io.fms.events.BookingJson;
import io.fms.events.SeatsChanged;
import io.fms.events.Topics;
import io.fms.processor.BookingMetrics;
import io.fms.processor.decision.BatchDecisions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a committed batch's seat deltas to {@link Topics#SEAT_CHANGES}, one record per trip keyed by trip ID, without
 * waiting for the acknowledgement. The deltas are a convenience for live seat maps, not a record of anything: a
 * delta lost here (Kafka away, the processor killed after its commit) leaves the seats in Postgres as they are, and
 * the API's streams find the difference when they next compare with Postgres. So a failure is counted and logged,
 * and never holds up or fails the batch.
 */
@Component
public class SeatChangePublisher {

    private static final Logger log = LoggerFactory.getLogger(SeatChangePublisher.class);
    private static final byte[] TYPE = SeatsChanged.class.getSimpleName().getBytes(StandardCharsets.UTF_8);

    private final KafkaTemplate<String, byte[]> kafka;
    private final Counter sent;
    private final Counter failed;

    SeatChangePublisher(KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.kafka = kafka;
        this.sent = BookingMetrics.counter(
                registry, "fms.processor.seat.changes.sent", "Per-trip seat deltas sent to the seat change topic");
        this.failed = BookingMetrics.counter(
                registry,
                "fms.processor.seat.changes.failed",
                "Per-trip seat deltas Kafka did not take (live seat maps catch up from Postgres)");
    }

    /** After the batch's commit: its records (for the trips' last offsets) and what it decided. */
    public void publish(List<ConsumerRecord<String, byte[]>> records, BatchDecisions decisions) {
        try {
            List<SeatsChanged> deltas = SeatChanges.of(decisions.events(), SeatChanges.lastOffsets(records));
            for (SeatsChanged delta : deltas) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                        Topics.SEAT_CHANGES, delta.tripId().toString(), BookingJson.writePlain(delta));
                record.headers().add(Topics.HEADER_TYPE, TYPE);
                kafka.send(record).whenComplete((result, error) -> {
                    if (error == null) {
                        sent.increment();
                    } else {
                        failed.increment();
                        log.warn("seat delta of trip {} not sent: {}", delta.tripId(), error.toString());
                    }
                });
            }
        } catch (RuntimeException e) {
            // A producer that cannot even queue the record (buffer full past max.block.ms): the batch is committed.
            failed.increment();
            log.warn("seat deltas of a committed batch not sent: {}", e.toString());
        }
    }
}
