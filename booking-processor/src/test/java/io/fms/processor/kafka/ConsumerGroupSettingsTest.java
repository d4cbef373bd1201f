package io.fms.processor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * What a join, a leave and a killed instance cost the sale is set by the consumers' group settings: written out here
 * so that a change to them is a decision, not an accident.
 */
class ConsumerGroupSettingsTest {

    private final PropertySource<?> yaml = processorYaml();

    @Test
    void rebalancesAreCooperativeSoOnlyThePartitionsThatMoveStop() {
        assertThat(yaml.getProperty("spring.kafka.consumer.properties.partition.assignment.strategy"))
                .isEqualTo(CooperativeStickyAssignor.class.getName());
    }

    @Test
    void aKilledInstanceLosesItsPartitionsWithinSecondsNotKafkasFortyFive() {
        int sessionMs = Integer.parseInt(
                String.valueOf(yaml.getProperty("spring.kafka.consumer.properties.session.timeout.ms")));
        int heartbeatMs = Integer.parseInt(
                String.valueOf(yaml.getProperty("spring.kafka.consumer.properties.heartbeat.interval.ms")));

        assertThat(sessionMs).isBetween(6_000, 15_000);
        // Kafka's advice: a heartbeat at most a third of the session, so two may be lost before an eviction.
        assertThat(heartbeatMs * 3).isLessThanOrEqualTo(sessionMs);
    }

    private static PropertySource<?> processorYaml() {
        try {
            return new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"))
                    .getFirst();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
