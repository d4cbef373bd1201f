package io.fms.api.booking;

import io.fms.api.ApiProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Fits the producer's timeouts inside {@code fms.api.publish-timeout-ms}, so that when intake answers 503 the producer
 * has given up on the record too, rather than delivering it later behind the client's back (the client, told
 * "nothing was queued", would retry and book twice). The time a send may take is {@code max.block.ms} (metadata,
 * buffer space; spent in {@code send()}) plus {@code delivery.timeout.ms} (batching, retries, acknowledgement;
 * counted once {@code send()} returns); together they take 90% of the bound.
 */
@Configuration(proxyBeanMethods = false)
class KafkaProducerTimeouts {

    @Bean
    DefaultKafkaProducerFactoryCustomizer publishWithinTimeout(ApiProperties properties) {
        return factory -> {
            Object linger = factory.getConfigurationProperties().get(ProducerConfig.LINGER_MS_CONFIG);
            long lingerMs = linger == null ? 5 : Long.parseLong(linger.toString());
            factory.updateConfigs(configs(properties.publishTimeout(), lingerMs));
        };
    }

    static Map<String, Object> configs(Duration publishTimeout, long lingerMs) {
        long totalMs = publishTimeout.toMillis();
        long maxBlockMs = totalMs / 5;
        long deliveryTimeoutMs = totalMs * 7 / 10;
        // Kafka insists that delivery.timeout.ms >= linger.ms + request.timeout.ms.
        long requestTimeoutMs = Math.max(1, deliveryTimeoutMs - lingerMs);
        return Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMs,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeoutMs);
    }
}
