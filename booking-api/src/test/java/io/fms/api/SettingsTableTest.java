package io.fms.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.ratelimit.RateLimitSettings;
import io.fms.api.seatmap.SeatStreamSettings;
import io.fms.support.EnvironmentNames;
import io.fms.testkit.SettingsTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's settings table says what the code does: names, defaults and environment variables. */
class SettingsTableTest {

    private static final SettingsTable.Service API = new SettingsTable.Service(
            Map.of(
                    "fms.api",
                    ApiProperties.class,
                    "fms.rate-limit",
                    RateLimitSettings.class,
                    "fms.seat-stream",
                    SeatStreamSettings.class),
            List.of("application.yml", "fms-service-defaults.yml"),
            List.of(new EnvironmentNames()));

    @Test
    void theReadmeTableMatchesApiProperties() {
        SettingsTable table = SettingsTable.read(Path.of("README.md"), "## Settings");

        assertThat(table.problems(API)).isEmpty();
    }

    @Test
    void aWrongDefaultAMissingSettingAndADeadVariableAreCaught(@TempDir Path dir) throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, """
                ## Settings
                | variable / property | default | |
                |---|---|---|
                | `FMS_API_LIST_SIZE_MAX` (`fms.api.list-size-max`) | `499` | wrong default |
                | `FMS_API_NO_SUCH_THING` (`fms.api.waiters-max`) | `10000` | variable that reaches nothing |
                | `fms.api.no-such-setting` | `1` | not a setting |
                """);

        assertThat(SettingsTable.read(readme, "## Settings").problems(API))
                .contains(
                        "fms.api.list-size-max defaults to 500, the table says 499",
                        "FMS_API_NO_SUCH_THING reaches no setting (the table says fms.api.waiters-max)",
                        "fms.api.no-such-setting is in the table but in no settings record or YAML",
                        "fms.api.publish-timeout-ms has no row in the table");
    }
}
