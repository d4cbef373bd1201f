package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.TestEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EnvironmentNamesTest {

    @Test
    void aListedVariableSetsItsPropertyAboveTheApplicationsOwnFiles() {
        var environment = environment(Map.of("FMS_COMMAND_PARTITIONS", "6"));

        assertThat(kafka(environment).commandPartitions()).isEqualTo(6);
        assertThat(environment
                        .getPropertySources()
                        .precedenceOf(environment.getPropertySources().get(EnvironmentNames.SOURCE_NAME)))
                .isEqualTo(environment
                                .getPropertySources()
                                .precedenceOf(environment
                                        .getPropertySources()
                                        .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
                        + 1);
    }

    @Test
    void anUnsetVariableLeavesThePropertyToItsRecordsDefault() {
        var environment = environment(Map.of());

        assertThat(environment.getPropertySources().contains(EnvironmentNames.SOURCE_NAME))
                .isFalse();
        assertThat(environment.getProperty("fms.kafka.command-partitions")).isEqualTo("3");
        var withoutFile = TestEnvironment.of(Map.of());
        new EnvironmentNames().postProcessEnvironment(withoutFile, new SpringApplication());
        assertThat(kafka(withoutFile).commandPartitions()).isEqualTo(12);
    }

    @Test
    void anEmptyVariableCountsAsUnset() {
        var environment = environment(Map.of("FMS_OTLP_TRACES_ENDPOINT", "", "FMS_LOG_FORMAT", "ecs"));

        assertThat(environment.containsProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isFalse();
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void relaxedBindingCoversTheVariablesThatFollowFromTheirProperty() {
        var environment = environment(Map.of("FMS_KAFKA_HEALTH_TIMEOUT_MS", "1500"));

        assertThat(kafka(environment).healthTimeoutMs()).isEqualTo(1500);
    }

    @Test
    void listsThisModulesVariables() {
        assertThat(EnvironmentNames.names(getClass().getClassLoader()))
                .containsEntry("FMS_COMMAND_PARTITIONS", "fms.kafka.command-partitions");
    }

    /** The given variables, and an application.yml that sets the partitions too. */
    private static StandardEnvironment environment(Map<String, Object> variables) {
        var environment = TestEnvironment.of(variables);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("application.yml", Map.of("fms.kafka.command-partitions", "3")));
        new EnvironmentNames().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static FmsKafkaProperties kafka(StandardEnvironment environment) {
        return Binder.get(environment).bindOrCreate("fms.kafka", FmsKafkaProperties.class);
    }
}
