package io.fms.infra;

import static io.fms.infra.DeploymentFiles.KUBERNETES;
import static io.fms.infra.DeploymentFiles.SERVICES;
import static io.fms.infra.DeploymentFiles.SPRING_SHUTDOWN_PHASE_S;
import static io.fms.infra.DeploymentFiles.containers;
import static io.fms.infra.DeploymentFiles.kubernetesDocuments;
import static io.fms.infra.DeploymentFiles.map;
import static io.fms.infra.DeploymentFiles.maps;
import static io.fms.infra.DeploymentFiles.pinned;
import static io.fms.infra.DeploymentFiles.podSpec;
import static io.fms.infra.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Kubernetes base under infra/k8s/, read as kubectl would: no cluster checks it here. */
class KubernetesBaseTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(SECRET|PASSWORD|API_KEY|USER).*");

    @Test
    void everyManifestParsesAndTheKustomizationListsOnlyWhatExists() {
        Map<String, Object> kustomization = DeploymentFiles.yaml(KUBERNETES.resolve("kustomization.yaml"));

        assertThat(strings(kustomization.get("resources")))
                .isNotEmpty()
                .allSatisfy(resource -> assertThat(KUBERNETES.resolve(resource)).exists());
        assertThat(kubernetesDocuments())
                .extracting(document -> document.get("kind"))
                .contains("Deployment", "Service", "ConfigMap");
    }

    @Test
    void deploymentsHaveProbesResourcesAndAGracePeriod() {
        List<String> deployments = new ArrayList<>();
        for (Map<String, Object> document : kubernetesDocuments()) {
            if (!"Deployment".equals(document.get("kind"))) {
                continue;
            }
            String name = String.valueOf(map(document.get("metadata")).get("name"));
            deployments.add(name);
            assertThat(((Number) podSpec(document).get("terminationGracePeriodSeconds")).intValue())
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
                assertThat(pinned(String.valueOf(container.get("image"))))
                        .as("%s: image %s pinned", name, container.get("image"))
                        .isTrue();
            }
        }
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        List<Map<String, Object>> documents = kubernetesDocuments();
        Set<String> fromSecrets = new LinkedHashSet<>();

        assertThat(documents)
                .noneSatisfy(document -> assertThat(document.get("kind")).isEqualTo("Secret"));
        for (Map<String, Object> document : documents) {
            if ("ConfigMap".equals(document.get("kind"))) {
                assertThat(map(document.get("data")).keySet())
                        .as("a ConfigMap holds no secret")
                        .noneMatch(key -> SECRET_NAME.matcher(key).matches());
            }
            for (Map<String, Object> container : containers(document)) {
                for (Map<String, Object> variable : maps(container.get("env"))) {
                    String name = String.valueOf(variable.get("name"));
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(variable).as("%s", name).doesNotContainKey("value");
                        assertThat(map(map(variable.get("valueFrom")).get("secretKeyRef")))
                                .as("%s from a Secret", name)
                                .containsKeys("name", "key");
                        fromSecrets.add(name);
                    }
                }
            }
        }
        assertThat(fromSecrets)
                .contains("FMS_POSTGRES_USER", "FMS_POSTGRES_PASSWORD", "FMS_ADMIN_API_KEY", "FMS_WEBHOOK_SECRET");
    }

    @Test
    void everyVariableTheManifestsSetIsADocumentedSetting() {
        Set<String> documented = DeploymentFiles.documentedVariables();
        Set<String> used = new LinkedHashSet<>();
        for (Path file : DeploymentFiles.kubernetesFiles()) {
            used.addAll(DeploymentFiles.variables(file));
        }

        assertThat(used).contains("FMS_KAFKA_REPLICATION_FACTOR", "FMS_POSTGRES_PASSWORD");
        assertThat(used)
                .allSatisfy(variable -> assertThat(documented)
                        .as("%s is in a README settings table", variable)
                        .contains(variable));
    }

    private static String probePath(Map<String, Object> container, String probe) {
        Map<String, Object> declared = map(container.get(probe));
        assertThat(declared).as("%s of %s", probe, container.get("name")).isNotNull();
        return String.valueOf(map(declared.get("httpGet")).get("path"));
    }
}
