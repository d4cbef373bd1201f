package io.fms.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A service README's settings table held against the code: every row names a setting that exists, with the
 * default the settings record (or the service's YAML) really has, and an environment variable that really reaches
 * it; and every setting of the record has a row. Rows look like
 * {@code | `FMS_API_LIST_SIZE_MAX` (`fms.api.list-size-max`) | `500` | ... |}; a default cell starting with
 * "none" means no value (null, blank or empty).
 */
public final class SettingsTable {

    /** One row: the variables it names, the property they set, and the default it states (null for "none"). */
    public record Row(List<String> variables, String property, String documentedDefault) {}

    private static final Pattern VARIABLE = Pattern.compile("FMS_[A-Z0-9_]+");
    private static final Pattern PROPERTY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)`");
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");

    private final List<Row> rows;

    private SettingsTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of the table under {@code heading} (e.g. "## Settings") in the Markdown file {@code readme}. */
    public static SettingsTable read(Path readme, String heading) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException(readme + " has no heading " + heading);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String name = cells[1];
            String value = cells[2].strip();
            List<String> variables =
                    VARIABLE.matcher(name).results().map(MatchResult::group).toList();
            Optional<String> property = PROPERTY.matcher(name)
                    .results()
                    .map(match -> match.group(1))
                    .filter(candidate -> !VARIABLE.matcher(candidate).matches())
                    .findFirst();
            Matcher code = FIRST_CODE.matcher(value);
            String documented = value.startsWith("none") ? null : code.find() ? code.group(1) : value;
            rows.add(new Row(variables, property.orElse(null), documented));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(readme + " has no settings rows under " + heading);
        }
        return new SettingsTable(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /**
     * Mismatches between the table and the code, in words; empty when they agree.
     *
     * @param settings each {@code @ConfigurationProperties} record of the service by its prefix, e.g. "fms.api"
     * @param yamlResources the service's YAML files on the class path, highest precedence first; a row whose
     *     property lies under none of the prefixes (e.g. {@code server.port}) is checked against them
     */
    public List<String> problems(Map<String, Class<? extends Record>> settings, String... yamlResources) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> leaves = new LinkedHashMap<>();
        Binder binder = Binder.get(environment(Map.of(), yamlResources));
        settings.forEach((prefix, type) -> leaves(prefix, binder.bindOrCreate(prefix, type), leaves));
        for (Row row : rows) {
            if (row.property() == null) {
                if (row.variables().isEmpty()) {
                    problems.add("a row names neither a variable nor a property");
                }
                continue;
            }
            String actual;
            if (settings.keySet().stream().anyMatch(prefix -> row.property().startsWith(prefix + "."))) {
                if (!leaves.containsKey(row.property())) {
                    problems.add(row.property() + " is in the table but in no settings record");
                    continue;
                }
                actual = text(leaves.get(row.property()));
            } else {
                actual = text(environment(Map.of(), yamlResources).getProperty(row.property()));
            }
            if (!Objects.equals(actual, row.documentedDefault())) {
                problems.add(row.property() + " defaults to " + actual + ", the table says " + row.documentedDefault());
            }
            for (String variable : row.variables()) {
                String probe = "7";
                String reached =
                        environment(Map.of(variable, probe), yamlResources).getProperty(row.property());
                if (!probe.equals(reached)) {
                    problems.add(
                            variable + " does not reach " + row.property() + " (set to 7, it read " + reached + ")");
                }
            }
        }
        for (String leaf : leaves.keySet()) {
            if (rows.stream().noneMatch(row -> leaf.equals(row.property()))) {
                problems.add(leaf + " has no row in the table");
            }
        }
        return problems;
    }

    /** The service's YAML behind a stand-in for the process environment, as Spring Boot orders them. */
    private static StandardEnvironment environment(Map<String, Object> variables, String... yamlResources) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String resource : yamlResources) {
            try {
                for (PropertySource<?> source : loader.load(resource, new ClassPathResource(resource))) {
                    sources.addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return environment;
    }

    private static void leaves(String path, Object value, Map<String, Object> leaves) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    leaves(
                            path + "." + kebab(component.getName()),
                            component.getAccessor().invoke(record),
                            leaves);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            leaves.put(path, value);
        }
    }

    private static String text(Object value) {
        if (value == null
                || (value instanceof String text && text.isBlank())
                || (value instanceof Collection<?> collection && collection.isEmpty())) {
            return null;
        }
        return String.valueOf(value);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
