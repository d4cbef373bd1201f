package io.fms.processor.kafka;

import io.fms.processor.ProcessorProperties;
import io.fms.processor.batch.CommandBatchHandler;
import io.fms.support.FmsKafkaProperties;
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
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class CommandListenerConfiguration {

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
        // Kafka's committed offsets trail Postgres's and serve lag monitoring only: committed after each batch.
        container.setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    /**
     * Why this error handler: the listener throws only for transient trouble (Postgres or Kafka away, a partition
     * fenced by another processor), never for a bad record, which it dead-letters itself. For a batch listener that
     * throws a plain exception, spring-kafka's {@link DefaultErrorHandler} falls back to retrying the whole batch in
     * memory, pausing the consumer and polling it between tries so the group does not evict it, and re-pausing
     * partitions assigned meanwhile. With a back-off that never stops, the recoverer is never reached; should it be,
     * it throws, which makes the handler seek back and redeliver the batch rather than skip it. Every exception is
     * retryable, including the ones spring-kafka would otherwise deem fatal. {@link CommandBatchHandler} logs each failed try. A hand-written loop would have to
     * reimplement the polling and pausing to stay in the group.
     */
    static DefaultErrorHandler batchRetryingForever(ProcessorProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryInitialIntervalMs(), 2.0);
        backOff.setMaxInterval(properties.retryMaxIntervalMs());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    throw new IllegalStateException(
                            "retries of a valid command never give up; redelivering " + record.topic() + "-"
                                    + record.partition() + "@" + record.offset(),
                            exception);
                },
                backOff);
        handler.setClassifications(java.util.Map.of(), true);
        return handler;
    }
}
