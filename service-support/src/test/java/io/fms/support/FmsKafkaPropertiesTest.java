package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(textBlock = """
            command-partitions, 0
            event-partitions, 0
            replication-factor, 0
            health-timeout-ms, 99
            health-timeout-ms, 60001
            """)
    void valuesOutsideTheirLimitsStopTheStart(String setting, String value) {
        assertThatThrownBy(() -> bind(Map.of(setting, value))).hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimitsThemselvesAreAllowed() {
        assertThat(bind(Map.of("health-timeout-ms", "100")).healthTimeoutMs()).isEqualTo(100);
        assertThat(bind(Map.of("health-timeout-ms", "60000")).healthTimeoutMs()).isEqualTo(60_000);
    }

    private static FmsKafkaProperties bind(Map<String, String> properties) {
        var source = new MapConfigurationPropertySource();
        properties.forEach((name, value) -> source.put("fms.kafka." + name, value));
        return new Binder(source).bindOrCreate("fms.kafka", FmsKafkaProperties.class);
    }
}
