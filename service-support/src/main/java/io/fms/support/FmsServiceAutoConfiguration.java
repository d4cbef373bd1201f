package io.fms.support;

import io.fms.events.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every FMS service gets by depending on this module: the topics declared (created at start when missing,
 * never shrunk), and a {@code kafka} entry on {@code /health}.
 */
@AutoConfiguration
@EnableConfigurationProperties(FmsKafkaProperties.class)
public class FmsServiceAutoConfiguration {

    /** Dead letters are few and read by people: one partition keeps them in the order they were set aside. */
    private static final int DEAD_LETTER_PARTITIONS = 1;

    @Bean
    KafkaAdmin.NewTopics fmsTopics(FmsKafkaProperties kafka) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.BOOKING_COMMANDS, kafka.commandPartitions(), kafka),
                topic(Topics.BOOKING_EVENTS, kafka.eventPartitions(), kafka),
                topic(Topics.BOOKING_COMMANDS_DLT, DEAD_LETTER_PARTITIONS, kafka),
                topic(Topics.NOTIFICATIONS_DLT, DEAD_LETTER_PARTITIONS, kafka));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, FmsKafkaProperties kafka) {
        return new KafkaHealthIndicator(kafkaAdmin, Duration.ofMillis(kafka.healthTimeoutMs()));
    }

    private static NewTopic topic(String name, int partitions, FmsKafkaProperties kafka) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(kafka.replicationFactor())
                // With replicas, acks=all means "on at least two brokers"; on one local broker, on that one.
                .config("min.insync.replicas", String.valueOf(Math.min(2, kafka.replicationFactor())))
                .build();
    }
}
