package io.fms.api;

import io.fms.api.door.RateLimitSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the booking API, each with a limit.
 *
 * @param adminApiKey bearer key for catalog writes; blank means catalog writes are refused
 * @param publishTimeout how long a request waits for Kafka's acknowledgement before it is answered 503; the
 *     producer's own timeouts are derived from it so that a 503 means the producer has given up
 * @param retryAfter what a 503 tells the client to wait before retrying
 * @param maxBodyBytes largest request body read
 * @param longPollMaxSeconds largest {@code waitSeconds} a status poll may ask for
 * @param waitersMax long-polls waiting at once; beyond it a poll answers at once with the current state
 * @param waitFallbackInterval how often waiting polls re-read Redis, in case a decision announcement was lost
 * @param webhookAllowLoopback accept callback URLs on loopback addresses (local development only)
 * @param callbackCheckTimeout how long intake waits for a callback URL's host to resolve before refusing it
 * @param tripCacheSizeMax trips kept in memory for intake (trips never change once created)
 * @param listSizeMax most items a list endpoint returns
 * @param notificationAttemptsMax most attempts shown per notification (the latest ones); the worker may make
 *     hundreds before it gives up, and the latest say why a notification has not arrived
 * @param rateLimit the door's per-client limit on booking submissions and cancellations
 */
@Validated
@ConfigurationProperties("fms.api")
public record ApiProperties(
        String adminApiKey,
        @DefaultValue("5s") Duration publishTimeout,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("16384") @Min(1024) @Max(1_048_576) int maxBodyBytes,
        @DefaultValue("30") @Min(0) @Max(30) int longPollMaxSeconds,
        @DefaultValue("10000") @Min(0) @Max(1_000_000) int waitersMax,
        @DefaultValue("1s") Duration waitFallbackInterval,
        @DefaultValue("false") boolean webhookAllowLoopback,
        @DefaultValue("2s") Duration callbackCheckTimeout,
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int tripCacheSizeMax,
        @DefaultValue("500") @Min(1) @Max(10_000) int listSizeMax,
        @DefaultValue("20") @Min(1) @Max(100) int notificationAttemptsMax,
        @Valid @DefaultValue RateLimitSettings rateLimit) {

    public ApiProperties {
        adminApiKey = adminApiKey == null ? "" : adminApiKey.strip();
        requireBetween("publish-timeout", publishTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60));
        requireBetween("retry-after", retryAfter, Duration.ofSeconds(1), Duration.ofMinutes(10));
        requireBetween("wait-fallback-interval", waitFallbackInterval, Duration.ofMillis(100), Duration.ofSeconds(10));
        requireBetween("callback-check-timeout", callbackCheckTimeout, Duration.ofMillis(100), Duration.ofSeconds(10));
    }

    public boolean hasAdminApiKey() {
        return !adminApiKey.isEmpty();
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("fms.api." + name + " must be between " + min + " and " + max);
        }
    }
}
