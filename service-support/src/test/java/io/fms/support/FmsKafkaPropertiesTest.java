package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FmsKafkaPropertiesTest {

    @Test
    void defaults() {
        var kafka = bind(Map.of());
        assertThat(kafka.commandPartitions()).isEqualTo(12);
        assertThat(kafka.eventPartitions()).isEqualTo(12);
        assertThat(kafka.replicationFactor()).isEqualTo((short) 1);
        assertThat(kafka.healthTimeoutMs()).isEqualTo(3_000);
    }

    @Test
    void valuesOutsideTheirLimitsStopTheStart() {
        for (var bad : List.of(
                Map.entry("command-partitions", "0"),
                Map.entry("event-partitions", "0"),
                Map.entry("replication-factor", "0"),
                Map.entry("health-timeout-ms", "99"),
                Map.entry("health-timeout-ms", "60001"))) {
            assertThatThrownBy(() -> bind(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.toString())
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
        }
        assertThat(bind(Map.of("health-timeout-ms", "100")).healthTimeoutMs()).isEqualTo(100);
        assertThat(bind(Map.of("health-timeout-ms", "60000")).healthTimeoutMs()).isEqualTo(60_000);
    }

    private static FmsKafkaProperties bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((name, value) -> source.put("fms.kafka." + name, value));
        return new Binder(source).bindOrCreate("fms.kafka", FmsKafkaProperties.class);
    }
}
