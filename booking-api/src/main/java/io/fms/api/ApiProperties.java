package io.fms.api;

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
 * @param publishTimeoutMs how long a request waits for Kafka's acknowledgement before it is answered 503; the
 *     producer's own timeouts are derived from it so that a 503 means the producer has given up
 * @param retryAfterMs what a 503 tells the client to wait before retrying
 * @param maxBodyBytes largest request body read
 * @param longPollMaxSeconds largest {@code waitSeconds} a status poll may ask for
 * @param waitersMax long-polls waiting at once; beyond it a poll answers at once with the current state
 * @param waitFallbackIntervalMs how often waiting polls re-read Redis, in case a decision announcement was lost
 * @param webhookAllowLoopback accept callback URLs on loopback addresses (local development only)
 * @param callbackCheckTimeoutMs how long intake waits for a callback URL's host to resolve before refusing it
 * @param tripCacheSizeMax trips kept in memory for intake (trips never change once created)
 * @param listSizeMax largest page a list endpoint answers, and its page when no limit is asked for; also the most
 *     notifications shown per booking
 * @param notificationAttemptsMax most attempts shown per notification (the latest ones); the worker may make
 *     hundreds before it gives up, and the latest say why a notification has not arrived
 */
@Validated
@ConfigurationProperties("fms.api")
public record ApiProperties(
        String adminApiKey,
        @DefaultValue("5000") long publishTimeoutMs,
        @DefaultValue("5000") long retryAfterMs,
        @DefaultValue("16384") @Min(1024) @Max(1_048_576) int maxBodyBytes,
        @DefaultValue("30") @Min(0) @Max(30) int longPollMaxSeconds,
        @DefaultValue("10000") @Min(0) @Max(1_000_000) int waitersMax,
        @DefaultValue("1000") long waitFallbackIntervalMs,
        @DefaultValue("false") boolean webhookAllowLoopback,
        @DefaultValue("2000") long callbackCheckTimeoutMs,
        @DefaultValue("10000") @Min(1) @Max(1_000_000) int tripCacheSizeMax,
        @DefaultValue("500") @Min(1) @Max(10_000) int listSizeMax,
        @DefaultValue("20") @Min(1) @Max(100) int notificationAttemptsMax) {

    public ApiProperties {
        adminApiKey = adminApiKey == null ? "" : adminApiKey.strip();
        requireBetween("publish-timeout-ms", publishTimeoutMs, 1_000, 60_000);
        // Retry-After is whole seconds.
        requireBetween("retry-after-ms", retryAfterMs, 1_000, 600_000);
        requireBetween("wait-fallback-interval-ms", waitFallbackIntervalMs, 100, 10_000);
        requireBetween("callback-check-timeout-ms", callbackCheckTimeoutMs, 100, 10_000);
    }

    public boolean hasAdminApiKey() {
        return !adminApiKey.isEmpty();
    }

    /** How long a request waits for Kafka's acknowledgement before it is answered 503. */
    public Duration publishTimeout() {
        return Duration.ofMillis(publishTimeoutMs);
    }

    private static void requireBetween(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "fms.api." + name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
