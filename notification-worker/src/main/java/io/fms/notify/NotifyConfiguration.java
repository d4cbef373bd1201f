package io.fms.notify;

import io.fms.notify.delivery.RetryPolicy;
import java.time.Clock;
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
     * Unreadable records do not come here; the intake dead-letters them itself.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(STORE_RETRY_INTERVAL_MAX_MS);
        return new DefaultErrorHandler(backOff);
    }
}
