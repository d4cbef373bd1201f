package io.fms.notify;

import io.fms.notify.delivery.RetryPolicy;
import io.fms.support.kafka.RetryForever;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;

@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

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
    CommonErrorHandler kafkaErrorHandler(NotifyProperties properties) {
        return RetryForever.errorHandler(
                properties.storeRetryInitialIntervalMs(),
                properties.storeRetryMaxIntervalMs(),
                "storing booking events never gives up");
    }
}
