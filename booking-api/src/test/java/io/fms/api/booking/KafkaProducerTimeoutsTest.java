package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KafkaProducerTimeoutsTest {

    @ParameterizedTest
    @ValueSource(longs = {1_000, 5_000, 60_000})
    void theProducerGivesUpBeforeIntakeAnswers503(long publishTimeoutMs) {
        long lingerMs = 5;
        Map<String, Object> configs = KafkaProducerTimeouts.configs(Duration.ofMillis(publishTimeoutMs), lingerMs);

        long maxBlockMs = ((Number) configs.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).longValue();
        long deliveryMs = ((Number) configs.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)).longValue();
        long requestMs = ((Number) configs.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)).longValue();

        assertThat(maxBlockMs + deliveryMs).isLessThan(publishTimeoutMs);
        // What Kafka itself requires, or the producer refuses to start.
        assertThat(deliveryMs).isGreaterThanOrEqualTo(lingerMs + requestMs);
        assertThat(requestMs).isPositive();
        assertThat(maxBlockMs).isPositive();
    }
}
