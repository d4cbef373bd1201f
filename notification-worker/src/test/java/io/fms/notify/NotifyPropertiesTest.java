package io.fms.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.support.EnvironmentNames;
import io.fms.testkit.TestEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The defaults the README's settings table names, the limits, and the environment variables that set them. */
class NotifyPropertiesTest {

    @Test
    void defaults() {
        var p = TestProperties.bind(new MapConfigurationPropertySource());

        assertThat(p.webhookSecret()).isNull();
        assertThat(p.webhooksEnabled()).isFalse();
        assertThat(p.allowLoopback()).isFalse();
        assertThat(p.mailFrom()).isEqualTo("bookings@fms.local");
        assertThat(List.of(p.connectTimeoutMs(), p.readTimeoutMs(), p.requestTimeoutMs()))
                .containsExactly(5_000L, 5_000L, 10_000L);
        assertThat(List.of(p.retryBaseMs(), p.retryCapMs(), p.retryHorizonMs()))
                .containsExactly(1_000L, 300_000L, 86_400_000L);
        assertThat(p.attemptsMax()).isEqualTo(400);
        assertThat(p.webhookThreads()).isEqualTo(32);
        assertThat(p.domainConcurrencyMax()).isEqualTo(4);
        assertThat(p.emailThreads()).isEqualTo(8);
        assertThat(p.pollIntervalMs()).isEqualTo(250);
        assertThat(p.pollBatchMax()).isEqualTo(100);
        assertThat(p.leaseMs()).isEqualTo(60_000);
        assertThat(p.connectionTtlMs()).isEqualTo(30_000);
        assertThat(List.of(p.storeRetryInitialIntervalMs(), p.storeRetryMaxIntervalMs()))
                .containsExactly(500L, 30_000L);
        assertThat(p.deadLetterTimeoutMs()).isEqualTo(5_000);
        assertThat(p.deadLetterBatchMax()).isEqualTo(100);
        assertThat(p.housekeepingIntervalMs()).isEqualTo(5_000);
        assertThat(p.shutdownGraceMs()).isEqualTo(5_000);
    }

    @Test
    void theEnvironmentSetsEverySettingUnderItsVariable() {
        var environment = TestEnvironment.of(Map.of(
                "FMS_WEBHOOK_SECRET", "whsec-env",
                "FMS_WEBHOOK_ALLOW_LOOPBACK", "true",
                "FMS_MAIL_FROM", "tickets@example.com",
                "FMS_NOTIFY_CONNECT_TIMEOUT_MS", "700",
                "FMS_NOTIFY_LEASE_MS", "30000",
                "FMS_NOTIFY_STORE_RETRY_MAX_INTERVAL_MS", "9000",
                "FMS_NOTIFY_DEAD_LETTER_BATCH_MAX", "7",
                "FMS_NOTIFY_DOMAIN_CONCURRENCY_MAX", "3",
                "FMS_NOTIFY_EMAIL_THREADS", "5"));
        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());

        var p = Binder.get(environment).bindOrCreate("fms.notify", NotifyProperties.class);

        assertThat(p.webhookSecret()).isEqualTo("whsec-env");
        assertThat(p.allowLoopback()).isTrue();
        assertThat(p.mailFrom()).isEqualTo("tickets@example.com");
        assertThat(p.connectTimeoutMs()).isEqualTo(700);
        assertThat(p.leaseMs()).isEqualTo(30_000);
        assertThat(p.storeRetryMaxIntervalMs()).isEqualTo(9_000);
        assertThat(p.deadLetterBatchMax()).isEqualTo(7);
        assertThat(p.domainConcurrencyMax()).isEqualTo(3);
        assertThat(p.emailThreads()).isEqualTo(5);
    }

    @Test
    void aValueOutsideItsLimitStopsTheStart() {
        for (var bad : List.of(
                Map.entry("mail-from", "nobody"),
                Map.entry("connect-timeout-ms", "9"),
                Map.entry("request-timeout-ms", "4999"),
                Map.entry("retry-cap-ms", "999"),
                Map.entry("webhook-threads", "0"),
                Map.entry("domain-concurrency-max", "0"),
                Map.entry("domain-concurrency-max", "33"),
                Map.entry("email-threads", "0"),
                Map.entry("email-threads", "257"),
                Map.entry("lease-ms", "19999"),
                Map.entry("connection-ttl-ms", "999"),
                Map.entry("store-retry-initial-interval-ms", "9"),
                Map.entry("store-retry-max-interval-ms", "499"),
                Map.entry("store-retry-max-interval-ms", "600001"),
                Map.entry("dead-letter-timeout-ms", "99"),
                Map.entry("dead-letter-batch-max", "0"),
                Map.entry("housekeeping-interval-ms", "99"),
                Map.entry("shutdown-grace-ms", "-1"),
                Map.entry("shutdown-grace-ms", "120001"))) {
            var source = new MapConfigurationPropertySource();
            source.put("fms.notify." + bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> TestProperties.bind(source))
                    .as(bad.toString())
                    .rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fms.notify." + bad.getKey());
        }
    }
}
