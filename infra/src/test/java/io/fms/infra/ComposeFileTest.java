package io.fms.infra;

import static io.fms.infra.DeploymentFiles.COMPOSE;
import static io.fms.infra.DeploymentFiles.DOCKERFILE;
import static io.fms.infra.DeploymentFiles.INFRASTRUCTURE;
import static io.fms.infra.DeploymentFiles.SERVICES;
import static io.fms.infra.DeploymentFiles.SPRING_SHUTDOWN_PHASE_S;
import static io.fms.infra.DeploymentFiles.compose;
import static io.fms.infra.DeploymentFiles.list;
import static io.fms.infra.DeploymentFiles.map;
import static io.fms.infra.DeploymentFiles.pinned;
import static io.fms.infra.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** infra/docker-compose.yml and infra/Dockerfile, read as compose and Docker would: no engine checks them here. */
class ComposeFileTest {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(FMS_[A-Z0-9_]+):\\?[^}]+}");

    @Test
    void eachServiceStartsOnlyOnceItsDependenciesAreHealthy() {
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
    void theAdminKeyAndTheWebhookSecretAreRequired() {
        String text = DeploymentFiles.read(COMPOSE);
        Set<String> required =
                REQUIRED.matcher(text).results().map(match -> match.group(1)).collect(Collectors.toSet());

        assertThat(required).contains("FMS_ADMIN_API_KEY", "FMS_WEBHOOK_SECRET");
        assertThat(text).doesNotContain("FMS_ADMIN_API_KEY:-", "FMS_WEBHOOK_SECRET:-");
    }

    @Test
    void everyDollarIsAnInterpolationComposeAccepts() {
        // ${NAME}, ${NAME:-default}, ${NAME:?message} or an escaped $$; a "$(" would stop compose with an error.
        Pattern accepted = Pattern.compile("\\$(\\{[A-Z_][A-Z0-9_]*(:?[-?][^}$]*)?}|\\$)");
        List<String> lines = DeploymentFiles.read(COMPOSE)
                .lines()
                .filter(line -> !line.strip().startsWith("#"))
                .toList();

        assertThat(lines).anySatisfy(line -> assertThat(line).contains("${FMS_ADMIN_API_KEY:?"));
        assertThat(lines)
                .allSatisfy(line -> assertThat(accepted.matcher(line).replaceAll(""))
                        .as("after its interpolations: %s", line)
                        .doesNotContain("$"));
    }

    @Test
    void everyImageIsPinnedToAVersion() {
        List<String> images = new ArrayList<>();
        DeploymentFiles.<Map<String, Object>>map(compose().get("services"))
                .values()
                .forEach(service -> images.add(String.valueOf(service.get("image"))));
        DeploymentFiles.read(DOCKERFILE)
                .lines()
                .filter(line -> line.startsWith("FROM "))
                .map(line -> line.split("\\s+")[1])
                .forEach(images::add);

        assertThat(images).hasSize(SERVICES.size() + INFRASTRUCTURE.size() + 2);
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
    void everyVariableItSetsIsADocumentedSetting() {
        Set<String> documented = DeploymentFiles.documentedVariables();
        Set<String> used = DeploymentFiles.variables(COMPOSE);

        assertThat(documented).contains("FMS_KAFKA_BOOTSTRAP_SERVERS", "FMS_PROCESSOR_BATCH_SIZE_MAX");
        assertThat(used).contains("FMS_ADMIN_API_KEY", "FMS_LOG_FORMAT");
        assertThat(used)
                .allSatisfy(variable -> assertThat(documented)
                        .as("%s is in a README settings table", variable)
                        .contains(variable));
    }

    private static int seconds(String duration) {
        assertThat(duration).matches("\\d+s");
        return Integer.parseInt(duration.substring(0, duration.length() - 1));
    }
}
