package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which module may use which, read from the poms of the whole build (this module is the one that sees all of it).
 * The contract (booking-events) and the allocator (booking-allocation) use no other module; a service never uses
 * another service, only the contract, the allocator and the shared support; only this module uses the services.
 */
class ModuleBoundariesTest {

    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("booking-events", Set.of()),
            Map.entry("booking-allocation", Set.of()),
            Map.entry("fms-testkit", Set.of()),
            Map.entry("service-support", Set.of("booking-events", "fms-testkit")),
            Map.entry("booking-api", Set.of("booking-events", "booking-allocation", "service-support", "fms-testkit")),
            Map.entry(
                    "booking-processor",
                    Set.of("booking-events", "booking-allocation", "service-support", "fms-testkit")),
            Map.entry("notification-worker", Set.of("booking-events", "service-support", "fms-testkit")),
            // Generated from docs/openapi.json alone: a client of the API, not of its code.
            Map.entry("booking-api-client", Set.of()),
            Map.entry("infra", Set.of("fms-testkit")),
            // The baselines are independent designs: they share nothing with FMS but the test kit.
            Map.entry("infra/bench/baselines", Set.of("fms-testkit")),
            Map.entry("infra/bench/load", Set.of("booking-events", "infra")),
            Map.entry("infra/chaos", Set.of("booking-events", "infra")),
            Map.entry(
                    "e2e",
                    Set.of(
                            "booking-api",
                            "booking-processor",
                            "notification-worker",
                            "booking-events",
                            "booking-api-client",
                            "bench-load",
                            "bench-baselines",
                            "fms-testkit")));

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern OUR_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>io\\.fms</groupId>\\s*<artifactId>([^<]+)</artifactId>", Pattern.DOTALL);

    @Test
    void everyModuleUsesOnlyWhatItMay() throws IOException {
        Path root = Path.of("..");
        List<String> modules = MODULE.matcher(Files.readString(root.resolve("pom.xml")))
                .results()
                .map(match -> match.group(1))
                .toList();

        assertThat(modules).as("modules of the build").containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
        List<String> violations = new ArrayList<>();
        for (String module : modules) {
            violations.addAll(
                    violations(module, Files.readString(root.resolve(module).resolve("pom.xml"))));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void aServiceThatUsesAnotherServiceIsCaught() {
        String pom = """
                <dependencies>
                  <dependency>
                    <groupId>io.fms</groupId>
                    <artifactId>booking-processor</artifactId>
                  </dependency>
                  <dependency>
                    <groupId>io.fms</groupId>
                    <artifactId>booking-events</artifactId>
                  </dependency>
                </dependencies>""";

        assertThat(violations("booking-api", pom)).containsExactly("booking-api uses booking-processor");
    }

    private static List<String> violations(String module, String pom) {
        // The parent's dependency management lists every module; only what a module itself declares counts.
        String declared = pom.replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "");
        List<String> violations = new ArrayList<>();
        Matcher dependency = OUR_DEPENDENCY.matcher(declared);
        while (dependency.find()) {
            if (!ALLOWED.getOrDefault(module, Set.of()).contains(dependency.group(1))) {
                violations.add(module + " uses " + dependency.group(1));
            }
        }
        return violations;
    }
}
