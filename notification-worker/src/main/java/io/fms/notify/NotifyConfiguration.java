package io.fms.notify;

import io.fms.notify.delivery.RetryPolicy;
import java.time.Clock;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

    /** Longest pause between two tries of a poll the listener could not store (Postgres down). */
    private static final long STORE_RETRY_INTERVAL_MAX_MS = 30_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RetryPolicy retryPolicy(NotifyProperties properties) {
        return new RetryPolicy(
                properties.retryBaseMs(),
                properties.retryCapMs(),
                properties.retryHorizonMs(),
                properties.attemptsMax(),
                RandomGenerator.getDefault());
    }

    /**
     * A poll that could not be stored is retried until it is, never skipped: skipping would lose notifications.
     * Unreadable records do not come here; the intake dead-letters them itself. The back-off never stops, every
     * exception counts as retryable (spring-kafka would otherwise skip on the ones it deems fatal), and should the
     * recoverer ever be reached it throws, so the poll is redelivered rather than committed.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(STORE_RETRY_INTERVAL_MAX_MS);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, exception) -> {
                    throw new IllegalStateException(
                            "storing booking events never gives up; redelivering " + record.topic() + "-"
                                    + record.partition() + "@" + record.offset(),
                            exception);
                },
                backOff);
        handler.setClassifications(Map.of(), true);
        return handler;
    }
}
