package io.fms.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.support.EnvironmentNames;
import io.fms.testkit.SettingsTable;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's settings tables say what the code does: names, defaults and environment variables. */
class SettingsTableTest {

    @Test
    void theReadmeTablesMatchTheCode() {
        var worker =
                SettingsTable.Service.fmsService(Map.of("fms.notify", NotifyProperties.class), new EnvironmentNames());

        assertThat(SettingsTable.read(Path.of("README.md"), "## Settings").problems(worker))
                .isEmpty();
    }
}
