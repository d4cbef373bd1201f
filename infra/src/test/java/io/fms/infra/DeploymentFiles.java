package io.fms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.SettingsTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container descriptions (infra/docker-compose.yml, infra/Dockerfile, infra/k8s/) read as their tools read them,
 * and what they must agree with: the README settings tables, pinned image versions, Spring's shutdown phase.
 */
final class DeploymentFiles {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final Path KUBERNETES = Path.of("k8s");
    static final List<String> SERVICES = List.of("booking-api", "booking-processor", "notification-worker");
    static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres", "redis", "mail");
    /** Spring's default spring.lifecycle.timeout-per-shutdown-phase: a stop must give the services longer. */
    static final int SPRING_SHUTDOWN_PHASE_S = 30;

    private static final Pattern VARIABLE = Pattern.compile("FMS_[A-Z0-9_]+");
    /** A version with at least major.minor (or a digest): "postgres:17" or "redis:7" moves under you. */
    private static final Pattern PINNED =
            Pattern.compile("[^:@\\s]+(:[^:@/\\s]*\\d+\\.\\d+[^:@/\\s]*)?(@sha256:[0-9a-f]{64})?");

    private DeploymentFiles() {}

    static boolean pinned(String image) {
        String tagged = image.substring(image.lastIndexOf('/') + 1);
        return PINNED.matcher(tagged).matches() && (tagged.contains(":") || tagged.contains("@sha256:"));
    }

    /** Every variable the README settings tables name: the root's and each module's. */
    static Set<String> documentedVariables() {
        Set<String> documented = new LinkedHashSet<>();
        documented.addAll(
                SettingsTable.read(Path.of("../README.md"), "## Configuration").variables());
        documented.addAll(SettingsTable.read(Path.of("../service-support/README.md"), "## Settings")
                .variables());
        documented.addAll(SettingsTable.read(Path.of("../booking-api/README.md"), "## Settings")
                .variables());
        documented.addAll(
                SettingsTable.read(Path.of("../booking-processor/README.md"), "## Settings (`fms.processor.*`)")
                        .variables());
        documented.addAll(SettingsTable.read(Path.of("../notification-worker/README.md"), "## Settings")
                .variables());
        return documented;
    }

    /** The FMS_* names a file uses outside its comments. */
    static Set<String> variables(Path file) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : read(file).lines().toList()) {
            String code = line.strip().startsWith("#") ? "" : line;
            VARIABLE.matcher(code).results().map(MatchResult::group).forEach(names::add);
        }
        return names;
    }

    static Map<String, Object> compose() {
        return yaml(COMPOSE);
    }

    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of every manifest under infra/k8s/. */
    static List<Map<String, Object>> kubernetesDocuments() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Path file : kubernetesFiles()) {
            for (Object document : parser().loadAll(read(file))) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        assertThat(documents).isNotEmpty();
        return documents;
    }

    static List<Map<String, Object>> containers(Map<String, Object> document) {
        if (!"Deployment".equals(document.get("kind"))) {
            return List.of();
        }
        return maps(podSpec(document).get("containers"));
    }

    static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    static Map<String, Object> yaml(Path file) {
        return map(parser().load(read(file)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    static List<Map<String, Object>> maps(Object value) {
        return value == null
                ? List.of()
                : list(value).stream().map(DeploymentFiles::<Object>map).toList();
    }

    private static Yaml parser() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
