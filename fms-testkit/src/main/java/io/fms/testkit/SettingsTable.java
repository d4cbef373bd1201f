package io.fms.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A service README's settings tables held against the code: every variable a row names really reaches a setting
 * (found by setting it and seeing which property changes), that setting's default is the one the row states, and
 * every setting of the service's records has a row. Rows look like {@code | `FMS_API_LIST_SIZE_MAX` | `500` | ...}
 * or {@code | `FMS_A` / `FMS_B` | `1` / `2` | ...}, optionally naming the property: {@code `FMS_X` (`fms.x`)}; a
 * default cell starting with "none" means no value (null, blank or empty).
 */
public final class SettingsTable {

    /** A service as Spring Boot assembles its settings: its records, its YAML and its environment post-processors. */
    public record Service(
            Map<String, Class<? extends Record>> settings,
            List<String> yamlResources,
            List<EnvironmentPostProcessor> postProcessors) {

        /**
         * A service as the FMS services start: {@code settings}, its own {@code application.yml} over the defaults
         * every service shares ({@code fms-service-defaults.yml}), and {@code postProcessors}.
         */
        public static Service fmsService(
                Map<String, Class<? extends Record>> settings, EnvironmentPostProcessor... postProcessors) {
            return new Service(
                    settings, List.of("application.yml", "fms-service-defaults.yml"), List.of(postProcessors));
        }
    }

    /** One row: the variables it names, the property it names (or null), and the defaults it states. */
    record Row(List<String> variables, String property, List<String> defaults) {}

    private static final Pattern VARIABLE = Pattern.compile("FMS_[A-Z0-9_]+");
    private static final Pattern PROPERTY = Pattern.compile("`([a-z][a-z0-9-]*(?:\\.[a-z0-9-\\[\\]]+)+)`");
    private static final Pattern FIRST_CODE = Pattern.compile("`([^`]*)`");
    private static final String PROBE = "7";

    private final List<Row> rows;

    private SettingsTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of every table under {@code heading} (e.g. "## Settings") in the Markdown file {@code readme}. */
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
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (line.startsWith("| `")) {
                rows.add(row(line.split("\\|")));
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(readme + " has no settings rows under " + heading);
        }
        return new SettingsTable(rows);
    }

    private static Row row(String[] cells) {
        String name = cells[1];
        List<String> variables =
                VARIABLE.matcher(name).results().map(MatchResult::group).toList();
        String property = PROPERTY.matcher(name)
                .results()
                .map(match -> match.group(1))
                .findFirst()
                .orElse(null);
        List<String> defaults = Arrays.stream(cells[2].split(" / "))
                .map(String::strip)
                .map(value -> {
                    if (value.startsWith("none")) {
                        return null;
                    }
                    Matcher code = FIRST_CODE.matcher(value);
                    return code.find() ? code.group(1) : value;
                })
                .toList();
        return new Row(variables, property, defaults);
    }

    /** Every environment variable the rows name, in table order: what a deployment file may set. */
    public Set<String> variables() {
        Set<String> variables = new LinkedHashSet<>();
        rows.forEach(row -> variables.addAll(row.variables()));
        return variables;
    }

    /** Mismatches between the tables and the code, in words; empty when they agree. */
    public List<String> problems(Service service) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> leaves = new LinkedHashMap<>();
        StandardEnvironment unset = environment(service, Map.of());
        Binder binder = Binder.get(unset);
        service.settings().forEach((prefix, type) -> leaves(prefix, binder.bindOrCreate(prefix, type), leaves));
        Set<String> candidates = new LinkedHashSet<>(leaves.keySet());
        candidates.addAll(yamlProperties(unset));
        Set<String> documented = new LinkedHashSet<>();
        for (Row row : rows) {
            if (row.variables().isEmpty() && row.property() == null) {
                problems.add("a row names neither a variable nor a property");
            }
            if (row.variables().isEmpty() && row.property() != null) {
                documented.add(row.property());
                check(row.property(), row.defaults().getFirst(), leaves, unset, problems);
            }
            for (int i = 0; i < row.variables().size(); i++) {
                String variable = row.variables().get(i);
                String stated = row.defaults()
                        .get(row.defaults().size() == row.variables().size() ? i : 0);
                Optional<String> reached = reached(service, variable, row.property(), candidates);
                if (reached.isEmpty()) {
                    problems.add(variable + " reaches no setting"
                            + (row.property() == null ? "" : " (the table says " + row.property() + ")"));
                    continue;
                }
                documented.add(reached.get());
                check(reached.get(), stated, leaves, unset, problems);
            }
        }
        for (String leaf : leaves.keySet()) {
            if (!documented.contains(leaf)) {
                problems.add(leaf + " has no row in the table");
            }
        }
        return problems;
    }

    private static void check(
            String property,
            String stated,
            Map<String, Object> leaves,
            StandardEnvironment unset,
            List<String> problems) {
        String actual = leaves.containsKey(property) ? text(leaves.get(property)) : text(unset.getProperty(property));
        if (!leaves.containsKey(property) && unset.getProperty(property) == null && stated != null) {
            problems.add(property + " is in the table but in no settings record or YAML");
        } else if (!Objects.equals(actual, stated)) {
            problems.add(property + " defaults to " + actual + ", the table says " + stated);
        }
    }

    /** The property that {@code variable} changes when it is set: the one the row names, else the one that reads it. */
    private static Optional<String> reached(
            Service service, String variable, String named, Collection<String> candidates) {
        StandardEnvironment set = environment(service, Map.of(variable, PROBE));
        if (named != null) {
            return PROBE.equals(set.getProperty(named)) ? Optional.of(named) : Optional.empty();
        }
        return candidates.stream()
                .filter(candidate -> PROBE.equals(set.getProperty(candidate)))
                .findFirst();
    }

    /** The service's YAML behind a stand-in for the process environment, as Spring Boot orders them. */
    private static StandardEnvironment environment(Service service, Map<String, Object> variables) {
        StandardEnvironment environment = TestEnvironment.of(variables);
        MutablePropertySources sources = environment.getPropertySources();
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        for (String resource : service.yamlResources()) {
            try {
                for (PropertySource<?> source : loader.load(resource, new ClassPathResource(resource))) {
                    sources.addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        service.postProcessors().forEach(processor -> processor.postProcessEnvironment(environment, null));
        return environment;
    }

    private static Set<String> yamlProperties(StandardEnvironment environment) {
        Set<String> names = new LinkedHashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable
                    && !StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
                names.addAll(Arrays.asList(enumerable.getPropertyNames()));
            }
        }
        return names;
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
