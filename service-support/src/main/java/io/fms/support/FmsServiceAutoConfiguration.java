package io.fms.support;

import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every FMS service gets by depending on this module: the topics ({@link FmsTopics}: created at start when
 * missing, never repartitioned), a {@code kafka} entry on {@code /health}, and prompt Redis reconnects
 * ({@link RedisReconnect}) in the services that use Redis.
 */
@AutoConfiguration
@EnableConfigurationProperties(FmsKafkaProperties.class)
@Import(RedisReconnect.class)
public class FmsServiceAutoConfiguration {

    @Bean
    FmsTopics fmsTopics(KafkaAdmin kafkaAdmin, FmsKafkaProperties kafka) {
        return new FmsTopics(kafkaAdmin, kafka);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, FmsKafkaProperties kafka) {
        return new KafkaHealthIndicator(kafkaAdmin, Duration.ofMillis(kafka.healthTimeoutMs()));
    }
}
