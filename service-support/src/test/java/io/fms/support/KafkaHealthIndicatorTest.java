package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.TestPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;

/** A broker that is away shows as {@code kafka} DOWN on /health, within the check's bound and on every check. */
class KafkaHealthIndicatorTest {

    @Test
    void anUnreachableBrokerIsDownWithinTheBound() {
        int closedPort = TestPorts.free();
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort)),
                Duration.ofSeconds(1));
        try {
            for (int check = 0; check < 2; check++) {
                Instant start = Instant.now();

                Health health = indicator.health();

                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                // A health probe that hangs would be killed by the orchestrator's timeout and read as "process dead".
                assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            indicator.destroy();
        }
    }
}
