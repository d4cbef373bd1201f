package io.fms.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.support.EnvironmentNames;
import io.fms.testkit.TestEnvironment;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** Each variable, set alone, changes the setting its property names, and to a value other than the default. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            FMS_WEBHOOK_SECRET, webhook-secret, whsec-env
            FMS_WEBHOOK_ALLOW_LOOPBACK, allow-loopback, true
            FMS_MAIL_FROM, mail-from, tickets@example.com
            FMS_NOTIFY_CONNECT_TIMEOUT_MS, connect-timeout-ms, 700
            FMS_NOTIFY_LEASE_MS, lease-ms, 30000
            FMS_NOTIFY_STORE_RETRY_MAX_INTERVAL_MS, store-retry-max-interval-ms, 9000
            FMS_NOTIFY_DEAD_LETTER_BATCH_MAX, dead-letter-batch-max, 7
            FMS_NOTIFY_DOMAIN_CONCURRENCY_MAX, domain-concurrency-max, 3
            FMS_NOTIFY_EMAIL_THREADS, email-threads, 5
            """)
    void theEnvironmentSetsEverySettingUnderItsVariable(String variable, String property, String value) {
        var environment = TestEnvironment.of(Map.of(variable, value));
        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());
        var byProperty = new MapConfigurationPropertySource();
        byProperty.put("fms.notify." + property, value);

        var p = Binder.get(environment).bindOrCreate("fms.notify", NotifyProperties.class);

        assertThat(p).isEqualTo(TestProperties.bind(byProperty));
        assertThat(p).isNotEqualTo(TestProperties.bind(new MapConfigurationPropertySource()));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            mail-from, nobody
            connect-timeout-ms, 9
            request-timeout-ms, 4999
            retry-cap-ms, 999
            webhook-threads, 0
            domain-concurrency-max, 0
            domain-concurrency-max, 33
            email-threads, 0
            email-threads, 257
            lease-ms, 19999
            connection-ttl-ms, 999
            store-retry-initial-interval-ms, 9
            store-retry-max-interval-ms, 499
            store-retry-max-interval-ms, 600001
            dead-letter-timeout-ms, 99
            dead-letter-batch-max, 0
            housekeeping-interval-ms, 99
            shutdown-grace-ms, -1
            shutdown-grace-ms, 120001
            """)
    void aValueOutsideItsLimitStopsTheStart(String setting, String value) {
        var source = new MapConfigurationPropertySource();
        source.put("fms.notify." + setting, value);

        assertThatThrownBy(() -> TestProperties.bind(source))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fms.notify." + setting);
    }
}
