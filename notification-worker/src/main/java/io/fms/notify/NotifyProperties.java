package io.fms.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the notification worker, each with a limit. Each is set by the environment variable relaxed
 * binding derives from its name ({@code FMS_NOTIFY_LEASE_MS} for {@code fms.notify.lease-ms}), but for the few
 * whose variable names do not follow from their property's, listed in {@code fms-environment-names.properties}.
 *
 * @param webhookSecret signing secret(s) of webhooks, {@code whsec_<base64 key>}, space-separated to rotate (see
 *     {@code StandardWebhookSignature}); blank: webhooks are recorded SKIPPED, never sent unsigned
 * @param allowLoopback accept callback URLs on loopback addresses (local stack only); nothing else private, ever
 * @param mailFrom the From address of every email
 * @param connectTimeoutMs bound on opening a connection to a receiver
 * @param readTimeoutMs bound on waiting for the receiver's next bytes (its answer)
 * @param requestTimeoutMs bound on one whole webhook attempt, however slowly the receiver drips its answer
 * @param retryBaseMs delay before the first retry; doubled for each further one
 * @param retryCapMs no delay between two attempts exceeds this
 * @param retryHorizonMs a delivery not done this long after the event arrived is DEAD
 * @param attemptsMax a delivery is DEAD after this many attempts, even inside the horizon
 * @param webhookThreads webhook attempts in flight at once
 * @param domainConcurrencyMax webhook attempts in flight to one registered domain at once ({@code a.evil.co.uk} and
 *     {@code b.evil.co.uk} both count as {@code evil.co.uk}), so one slow receiver cannot take every webhook thread
 *     however many host names it mints
 * @param emailThreads email attempts in flight at once; apart from the webhooks' so that slow receivers cannot delay
 *     emails, nor a slow mail server webhooks
 * @param pollIntervalMs how often the scheduler looks for due deliveries when nothing woke it
 * @param pollBatchMax deliveries claimed by one poll
 * @param leaseMs how long a claimed delivery stays reserved to its worker; after a crash, another takes it then
 * @param connectionTtlMs a pooled connection to a receiver is dropped after this, so that it cannot outlast a DNS
 *     change by much
 * @param storeRetryInitialIntervalMs first pause before a poll the listener could not store (Postgres away) is
 *     tried again; it doubles up to the maximum
 * @param storeRetryMaxIntervalMs longest pause between two tries of storing a poll (the tries never stop)
 * @param deadLetterTimeoutMs how long publishing a dead letter waits for Kafka's acknowledgement; without one it is
 *     published again later
 * @param deadLetterBatchMax dead letters left unpublished (Kafka was away) that one housekeeping round publishes
 * @param housekeepingIntervalMs how often the dispatcher publishes dead letters left unpublished and refreshes the
 *     backlog gauges
 * @param shutdownGraceMs how long stopping waits, beyond a poll interval for the dispatcher and beyond a request
 *     timeout for attempts in flight, before it abandons them to their lease
 */
@Validated
@ConfigurationProperties("fms.notify")
public record NotifyProperties(
        String webhookSecret,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("bookings@fms.local") String mailFrom,
        @DefaultValue("5000") long connectTimeoutMs,
        @DefaultValue("5000") long readTimeoutMs,
        @DefaultValue("10000") long requestTimeoutMs,
        @DefaultValue("1000") long retryBaseMs,
        @DefaultValue("300000") long retryCapMs,
        @DefaultValue("86400000") long retryHorizonMs,
        @DefaultValue("400") int attemptsMax,
        @DefaultValue("32") int webhookThreads,
        @DefaultValue("4") int domainConcurrencyMax,
        @DefaultValue("8") int emailThreads,
        @DefaultValue("250") long pollIntervalMs,
        @DefaultValue("100") int pollBatchMax,
        @DefaultValue("60000") long leaseMs,
        @DefaultValue("30000") long connectionTtlMs,
        @DefaultValue("500") long storeRetryInitialIntervalMs,
        @DefaultValue("30000") long storeRetryMaxIntervalMs,
        @DefaultValue("5000") long deadLetterTimeoutMs,
        @DefaultValue("100") int deadLetterBatchMax,
        @DefaultValue("5000") long housekeepingIntervalMs,
        @DefaultValue("5000") long shutdownGraceMs) {

    public NotifyProperties {
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret;
        if (mailFrom == null || !mailFrom.contains("@")) {
            throw new IllegalArgumentException("fms.notify.mail-from must be an email address");
        }
        within("connect-timeout-ms", connectTimeoutMs, 10, 60_000);
        within("read-timeout-ms", readTimeoutMs, 10, 120_000);
        within("request-timeout-ms", requestTimeoutMs, Math.max(connectTimeoutMs, readTimeoutMs), 300_000);
        within("retry-base-ms", retryBaseMs, 1, 3_600_000);
        within("retry-cap-ms", retryCapMs, retryBaseMs, 86_400_000);
        within("retry-horizon-ms", retryHorizonMs, 1, 7 * 86_400_000L);
        within("attempts-max", attemptsMax, 1, 10_000);
        within("webhook-threads", webhookThreads, 1, 1024);
        within("domain-concurrency-max", domainConcurrencyMax, 1, webhookThreads);
        within("email-threads", emailThreads, 1, 256);
        within("poll-interval-ms", pollIntervalMs, 10, 60_000);
        within("poll-batch-max", pollBatchMax, 1, 1000);
        // A lease shorter than an attempt would let a second worker send the same delivery while the first still is.
        within("lease-ms", leaseMs, 2 * requestTimeoutMs, 3_600_000);
        within("connection-ttl-ms", connectionTtlMs, 1_000, 3_600_000);
        within("store-retry-initial-interval-ms", storeRetryInitialIntervalMs, 10, 60_000);
        within("store-retry-max-interval-ms", storeRetryMaxIntervalMs, storeRetryInitialIntervalMs, 600_000);
        within("dead-letter-timeout-ms", deadLetterTimeoutMs, 100, 60_000);
        within("dead-letter-batch-max", deadLetterBatchMax, 1, 1000);
        within("housekeeping-interval-ms", housekeepingIntervalMs, 100, 3_600_000);
        within("shutdown-grace-ms", shutdownGraceMs, 0, 120_000);
    }

    public boolean webhooksEnabled() {
        return webhookSecret != null;
    }

    private static void within(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "fms.notify." + name + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
