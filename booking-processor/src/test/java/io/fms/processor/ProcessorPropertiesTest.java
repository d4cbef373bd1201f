package io.fms.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fms.support.EnvironmentNames;
import io.fms.testkit.SettingsTable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class ProcessorPropertiesTest {

    private static final RecordComponent[] SETTINGS = ProcessorProperties.class.getRecordComponents();

    @Test
    void concurrencyIsAtMostTheCommandPartitionCount() {
        ProcessorProperties twelveThreads = properties(12, 500);

        assertThatCode(() -> twelveThreads.requireConcurrencyWithin(12)).doesNotThrowAnyException();
        assertThatThrownBy(() -> twelveThreads.requireConcurrencyWithin(11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("concurrency 12 exceeds the 11 command partitions");
    }

    /** Each setting, by its index among the record's components and its name. */
    static Stream<Arguments> settings() {
        return IntStream.range(0, SETTINGS.length).mapToObj(index -> Arguments.of(index, SETTINGS[index].getName()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("settings")
    void everySettingHasALimit(int index, String name) {
        RecordComponent setting = SETTINGS[index];
        for (long outOfRange : outOfRange(setting)) {
            Object[] values = values(defaults());
            values[index] = setting.getType() == int.class ? (Object) (int) outOfRange : (Object) outOfRange;

            assertThatThrownBy(() -> construct(values))
                    .as("%s = %d", name, outOfRange)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("fms.processor." + kebab(name));
        }
    }

    @Test
    void limitsSayWhichSettingIsOutOfRange() {
        assertThatThrownBy(() -> properties(0, 500)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> properties(2, 0)).hasMessageContaining("batch-size-max");
        assertThatThrownBy(() -> properties(2, ProcessorProperties.BATCH_SIZE_MAX + 1))
                .hasMessageContaining("batch-size-max");
        assertThatThrownBy(() -> new ProcessorProperties(2, 500, 5000, 5000, 10000, 500, 2000, 1000, 100, 250))
                .hasMessageContaining("retry-max-interval-ms");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("settings")
    void everySettingIsReadFromItsEnvironmentVariableWithoutAPlaceholder(int index, String name) {
        RecordComponent setting = SETTINGS[index];
        Object[] expected = values(defaults());
        long changed = ((Number) expected[index]).longValue() + 1;
        expected[index] = setting.getType() == int.class ? (Object) (int) changed : (Object) changed;

        ProcessorProperties bound = bind(Map.<String, Object>of(environmentVariable(setting), Long.toString(changed)));

        assertThat(values(bound)).as(environmentVariable(setting)).containsExactly(expected);
    }

    @Test
    void theReadmeSettingsTableMatchesTheCode() {
        SettingsTable table = SettingsTable.read(Path.of("README.md"), "## Settings (`fms.processor.*`)");

        assertThat(table.problems(new SettingsTable.Service(
                        Map.of("fms.processor", ProcessorProperties.class),
                        List.of("application.yml", "fms-service-defaults.yml"),
                        List.of(new EnvironmentNames()))))
                .isEmpty();
    }

    private static ProcessorProperties properties(int concurrency, int batchSizeMax) {
        return new ProcessorProperties(concurrency, batchSizeMax, 5000, 5000, 10000, 500, 200, 30000, 10000, 250);
    }

    /** What an unset environment gives: each setting's {@code @DefaultValue}. */
    private static ProcessorProperties defaults() {
        return bind(Map.of());
    }

    private static ProcessorProperties bind(Map<String, Object> environment) {
        var source = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment);
        return new Binder(ConfigurationPropertySources.from(source))
                .bindOrCreate("fms.processor", ProcessorProperties.class);
    }

    /** Below the lowest limit any setting has, and above the highest. */
    private static long[] outOfRange(RecordComponent setting) {
        if (setting.getType() == int.class) {
            return new long[] {-1, Integer.MAX_VALUE};
        }
        if (setting.getType() == long.class) {
            return new long[] {-1, Long.MAX_VALUE};
        }
        throw new AssertionError("no out-of-range value known for " + setting + ": give the test one");
    }

    private static Object[] values(ProcessorProperties properties) {
        return Arrays.stream(SETTINGS)
                .map(setting -> {
                    try {
                        return setting.getAccessor().invoke(properties);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray();
    }

    private static ProcessorProperties construct(Object[] values) throws Throwable {
        Class<?>[] types = Arrays.stream(SETTINGS).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<ProcessorProperties> canonical = ProcessorProperties.class.getDeclaredConstructor(types);
        try {
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static String environmentVariable(RecordComponent setting) {
        return "FMS_PROCESSOR_" + kebab(setting.getName()).replace('-', '_').toUpperCase();
    }
}
