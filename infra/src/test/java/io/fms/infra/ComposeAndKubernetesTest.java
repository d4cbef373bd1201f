package io.fms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.testkit.SettingsTable;
import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The container descriptions, read as their tools would read them, since no Docker engine or cluster checks them
 * here: infra/docker-compose.yml and the Kubernetes base under infra/k8s/.
 */
class ComposeAndKubernetesTest {

    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path KUBERNETES = Path.of("k8s");
    private static final List<String> SERVICES = List.of("booking-api", "booking-processor", "notification-worker");
    private static final List<String> INFRASTRUCTURE = List.of("kafka", "postgres", "redis", "mail");
    /** Spring's default spring.lifecycle.timeout-per-shutdown-phase: a stop must give the services longer. */
    private static final int SPRING_SHUTDOWN_PHASE_S = 30;

    private static final Pattern VARIABLE = Pattern.compile("FMS_[A-Z0-9_]+");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY|USER).*");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(FMS_[A-Z0-9_]+):\\?[^}]+}");
    /** A version with at least major.minor (or a digest): "postgres:17" or "redis:7" moves under you. */
    private static final Pattern PINNED =
            Pattern.compile("[^:@\\s]+(:[^:@/\\s]*\\d+\\.\\d+[^:@/\\s]*)?(@sha256:[0-9a-f]{64})?");

    @Test
    void composeStartsEachServiceOnlyOnceItsDependenciesAreHealthy() {
        Map<String, Map<String, Object>> services = map(compose().get("services"));

        assertThat(services).containsKeys(SERVICES.toArray(String[]::new));
        assertThat(services).containsKeys(INFRASTRUCTURE.toArray(String[]::new));
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as("%s: healthcheck", name).isNotNull();
            assertThat(list(healthcheck.get("test")))
                    .as("%s: healthcheck test", name)
                    .isNotEmpty();
            assertThat(service).as("%s: memory limit", name).containsKey("mem_limit");
            if (service.containsKey("depends_on")) {
                map(service.get("depends_on"))
                        .forEach((dependency, condition) -> assertThat(
                                        map(condition).get("condition"))
                                .as("%s waits for %s", name, dependency)
                                .isEqualTo("service_healthy"));
            }
        });
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            assertThat(map(service.get("depends_on")).keySet())
                    .as("%s depends on", name)
                    .containsExactlyInAnyOrderElementsOf(INFRASTRUCTURE);
            assertThat(seconds(String.valueOf(service.get("stop_grace_period"))))
                    .as("%s: stop_grace_period", name)
                    .isGreaterThan(SPRING_SHUTDOWN_PHASE_S);
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as("%s: healthcheck", name)
                    .contains("/actuator/health/readiness");
            assertThat(map(service.get("environment")))
                    .as("%s: rate limit as in production", name)
                    .containsEntry("FMS_RATE_LIMIT_ENABLED", "true");
        }
    }

    @Test
    void composeRequiresTheAdminKeyAndTheWebhookSecret() throws IOException {
        String text = Files.readString(COMPOSE);
        Set<String> required = REQUIRED.matcher(text)
                .results()
                .map(match -> match.group(1))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(required).contains("FMS_ADMIN_API_KEY", "FMS_WEBHOOK_SECRET");
        assertThat(text).doesNotContain("FMS_ADMIN_API_KEY:-", "FMS_WEBHOOK_SECRET:-");
    }

    @Test
    void everyDollarIsAnInterpolationComposeAccepts() throws IOException {
        // ${NAME}, ${NAME:-default}, ${NAME:?message} or an escaped $$; a "$(" would stop compose with an error.
        Pattern accepted = Pattern.compile("\\$(\\{[A-Z_][A-Z0-9_]*(:?[-?][^}$]*)?}|\\$)");
        List<String> lines = Files.readAllLines(COMPOSE).stream()
                .filter(line -> !line.strip().startsWith("#"))
                .toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("${FMS_ADMIN_API_KEY:?"));
        assertThat(lines)
                .allSatisfy(line -> assertThat(accepted.matcher(line).replaceAll(""))
                        .as("after its interpolations: %s", line)
                        .doesNotContain("$"));
    }

    @Test
    void everyImageIsPinnedToAVersion() throws IOException {
        List<String> images = new ArrayList<>();
        ComposeAndKubernetesTest.<Map<String, Object>>map(compose().get("services"))
                .values()
                .forEach(service -> images.add(String.valueOf(service.get("image"))));
        Files.readAllLines(DOCKERFILE).stream()
                .filter(line -> line.startsWith("FROM "))
                .map(line -> line.split("\\s+")[1])
                .forEach(images::add);
        kubernetesDocuments()
                .forEach(document ->
                        containers(document).forEach(container -> images.add(String.valueOf(container.get("image")))));

        assertThat(images).hasSizeGreaterThan(SERVICES.size() * 2 + INFRASTRUCTURE.size());
        assertThat(images)
                .allSatisfy(image -> assertThat(pinned(image))
                        .as("%s is pinned to a version", image)
                        .isTrue());
    }

    @Test
    void thePinCheckRefusesMovingTags() {
        assertThat(pinned("postgres:17.11")).isTrue();
        assertThat(pinned("eclipse-temurin:21.0.8_9-jre")).isTrue();
        assertThat(pinned("registry.example:5000/fms/booking-api:0.1.0")).isTrue();
        assertThat(pinned("postgres:17")).isFalse();
        assertThat(pinned("redis")).isFalse();
        assertThat(pinned("fms/booking-api:latest")).isFalse();
        assertThat(pinned("eclipse-temurin:21-jdk")).isFalse();
    }

    @Test
    void everyVariableTheDeploymentsSetIsADocumentedSetting() throws IOException {
        Set<String> documented = documentedVariables();
        Set<String> used = new LinkedHashSet<>();
        used.addAll(variables(Files.readString(COMPOSE)));
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.toList()) {
                used.addAll(variables(Files.readString(file)));
            }
        }

        assertThat(documented).contains("FMS_KAFKA_BOOTSTRAP_SERVERS", "FMS_PROCESSOR_BATCH_SIZE_MAX");
        assertThat(used).contains("FMS_ADMIN_API_KEY", "FMS_KAFKA_REPLICATION_FACTOR");
        assertThat(used)
                .allSatisfy(variable -> assertThat(documented)
                        .as("%s is in a README settings table", variable)
                        .contains(variable));
    }

    @Test
    void kubernetesDeploymentsHaveProbesResourcesAndSecretsByReference() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments();
        Map<String, Object> kustomization = yaml(KUBERNETES.resolve("kustomization.yaml"));

        assertThat(strings(kustomization.get("resources")))
                .allSatisfy(resource -> assertThat(KUBERNETES.resolve(resource)).exists());
        assertThat(documents)
                .noneSatisfy(document -> assertThat(document.get("kind")).isEqualTo("Secret"));
        List<String> deployments = new ArrayList<>();
        for (Map<String, Object> document : documents) {
            if ("ConfigMap".equals(document.get("kind"))) {
                assertThat(map(document.get("data")).keySet())
                        .as("a ConfigMap holds no secret")
                        .noneMatch(key -> SECRET_NAME.matcher(key).matches());
            }
            if (!"Deployment".equals(document.get("kind"))) {
                continue;
            }
            String name = String.valueOf(map(document.get("metadata")).get("name"));
            deployments.add(name);
            Map<String, Object> pod =
                    map(map(map(document.get("spec")).get("template")).get("spec"));
            assertThat(((Number) pod.get("terminationGracePeriodSeconds")).intValue())
                    .as("%s: grace period", name)
                    .isGreaterThan(SPRING_SHUTDOWN_PHASE_S);
            for (Map<String, Object> container : containers(document)) {
                assertThat(probePath(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
                assertThat(probePath(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
                Map<String, Object> resources = map(container.get("resources"));
                assertThat(map(resources.get("requests")))
                        .as("%s: requests", name)
                        .containsKeys("cpu", "memory");
                assertThat(map(resources.get("limits"))).as("%s: limits", name).containsKey("memory");
                List<Map<String, Object>> env = maps(container.get("env"));
                List<String> fromSecrets = new ArrayList<>();
                for (Map<String, Object> variable : env) {
                    String variableName = String.valueOf(variable.get("name"));
                    if (SECRET_NAME.matcher(variableName).matches()) {
                        assertThat(variable).as("%s: %s", name, variableName).doesNotContainKey("value");
                        assertThat(map(map(variable.get("valueFrom")).get("secretKeyRef")))
                                .as("%s: %s from a Secret", name, variableName)
                                .containsKeys("name", "key");
                        fromSecrets.add(variableName);
                    }
                }
                assertThat(fromSecrets).as("%s: from the Secret", name).contains("FMS_POSTGRES_PASSWORD");
            }
        }
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    static boolean pinned(String image) {
        String tagged = image.substring(image.lastIndexOf('/') + 1);
        return PINNED.matcher(tagged).matches() && (tagged.contains(":") || tagged.contains("@sha256:"));
    }

    private static Set<String> documentedVariables() {
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

    private static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.lines().toList()) {
            String code = line.strip().startsWith("#") ? "" : line;
            VARIABLE.matcher(code).results().map(MatchResult::group).forEach(names::add);
        }
        return names;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> declared = map(container.get(probe));
        assertThat(declared).as("%s of %s", probe, container.get("name")).isNotNull();
        return String.valueOf(map(declared.get("httpGet")).get("path"));
    }

    private static List<Map<String, Object>> containers(Map<String, Object> document) {
        if (!"Deployment".equals(document.get("kind"))) {
            return List.of();
        }
        return maps(
                map(map(map(document.get("spec")).get("template")).get("spec")).get("containers"));
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }

    private static Map<String, Object> compose() {
        return yaml(COMPOSE);
    }

    private static List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                for (Object document : yamlParser().loadAll(Files.readString(file))) {
                    if (document != null) {
                        documents.add(map(document));
                    }
                }
            }
        }
        assertThat(documents).isNotEmpty();
        return documents;
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return map(yamlParser().load(Files.readString(file)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Yaml yamlParser() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return (Map<String, V>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of(value);
    }

    private static List<String> strings(Object value) {
        return list(value).stream().map(String::valueOf).toList();
    }

    private static List<Map<String, Object>> maps(Object value) {
        return value == null
                ? List.of()
                : list(value).stream()
                        .map(ComposeAndKubernetesTest::<Object>map)
                        .toList();
    }
}
