package io.fms.api.booking;

import io.fms.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates the producer and fetches the command topic's metadata once the service is up, so that the first booking
 * does not spend its short {@code max.block.ms} on a cold start and get a 503 it did not deserve.
 */
@Component
class ProducerWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerWarmUp.class);

    private final KafkaTemplate<String, byte[]> kafka;

    ProducerWarmUp(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        try {
            LOG.info(
                    "{} has {} partitions",
                    Topics.BOOKING_COMMANDS,
                    kafka.partitionsFor(Topics.BOOKING_COMMANDS).size());
        } catch (RuntimeException e) {
            // Not fatal: intake answers 503 until the broker is reachable, and /health shows why.
            LOG.warn("Kafka not reachable at start-up: {}", e.toString());
        }
    }
}
