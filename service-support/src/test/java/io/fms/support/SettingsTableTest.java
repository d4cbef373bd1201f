package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.SettingsTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's settings tables say what every service shares: names, defaults and environment variables. */
class SettingsTableTest {

    @Test
    void theReadmeTablesMatchTheCode() {
        SettingsTable table = SettingsTable.read(Path.of("README.md"), "## Settings");

        assertThat(table.problems(new SettingsTable.Service(
                        Map.of("fms.kafka", FmsKafkaProperties.class),
                        List.of(FmsServiceDefaults.RESOURCE),
                        List.of(new EnvironmentNames()))))
                .isEmpty();
    }
}
