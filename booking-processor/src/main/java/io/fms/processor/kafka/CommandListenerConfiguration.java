package io.fms.processor.kafka;

import io.fms.processor.ProcessorProperties;
import io.fms.support.FmsKafkaProperties;
import io.fms.support.kafka.RetryForever;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

@Configuration(proxyBeanMethods = false)
class CommandListenerConfiguration {

    /** How often the consumer's position is committed to Kafka, for lag monitoring. */
    static final Duration OFFSET_COMMIT_INTERVAL = Duration.ofSeconds(1);

    /**
     * A batch is what one poll returns: {@code max.poll.records} is {@code batch-size-max}, taken from where that
     * setting is bound and checked rather than repeated in {@code spring.kafka.*}.
     */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer pollsOfOneBatch(ProcessorProperties properties) {
        return consumerFactory -> consumerFactory.updateConfigs(
                Map.of(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, properties.batchSizeMax()));
    }

    /**
     * Batch listener, one thread per {@code concurrency}, each owning whole partitions; batches of at most
     * {@code batch-size-max} records. Replaces Boot's default factory but keeps every {@code spring.kafka.*} setting.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> kafkaListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            ProcessorProperties properties,
            FmsKafkaProperties kafka,
            CommandRebalanceListener rebalanceListener) {
        properties.requireConcurrencyWithin(kafka.commandPartitions());
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.concurrency());
        factory.setCommonErrorHandler(batchRetryingForever(properties));
        ContainerProperties container = factory.getContainerProperties();
        container.setConsumerRebalanceListener(rebalanceListener);
        // Kafka's committed offsets trail Postgres's and serve lag monitoring only (a partition's owner starts where
        // Postgres says): committed once a second rather than with a broker round trip after every batch.
        container.setAckMode(ContainerProperties.AckMode.TIME);
        container.setAckTime(OFFSET_COMMIT_INTERVAL.toMillis());
        return factory;
    }

    /**
     * Why this error handler: the listener throws only for transient trouble (Postgres or Kafka away, a partition
     * fenced by another processor), never for a bad record, which it dead-letters itself. Retrying the whole batch
     * with a back-off that never stops, and never skipping a record, is what {@link RetryForever} does; the batch
     * handler logs each failed try.
     */
    static DefaultErrorHandler batchRetryingForever(ProcessorProperties properties) {
        return RetryForever.errorHandler(
                properties.retryInitialIntervalMs(),
                properties.retryMaxIntervalMs(),
                "retries of a valid command never give up");
    }
}
