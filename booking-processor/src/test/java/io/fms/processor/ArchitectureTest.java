package io.fms.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.fms.processor.decision.BatchDecider;
import org.junit.jupiter.api.Test;

/**
 * The decisions are plain Java: given trips and commands in memory, they are tested, benchmarked and reasoned about
 * without a framework, a broker or a database. Reads the compiled classes, so a fully qualified name counts as much
 * as an import.
 */
class ArchitectureTest {

    private static final String[] INFRASTRUCTURE = {
        "org.springframework..",
        "org.apache.kafka..",
        "java.sql..",
        "javax.sql..",
        "org.postgresql..",
        "io.lettuce..",
        "..redis..",
    };

    private static final ArchRule PLAIN_JAVA = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(INFRASTRUCTURE)
            .as("decision classes depend on no framework, broker, database or cache");

    @Test
    void decisionsAreMadeInPlainJava() {
        JavaClasses decision = mainClassesOf("io.fms.processor.decision");

        assertThat(decision.contain(BatchDecider.class))
                .as("the decision classes were found")
                .isTrue();
        PLAIN_JAVA.check(decision);
    }

    @Test
    void theRuleCatchesEveryKindOfInfrastructure() {
        assertViolates("io.fms.processor.store", "org.springframework.jdbc");
        assertViolates("io.fms.processor.store", "java.sql.");
        assertViolates("io.fms.processor.store", "org.postgresql.");
        assertViolates("io.fms.processor.kafka", "org.apache.kafka.");
        assertViolates("io.fms.processor.readmodel", "org.springframework.data.redis.");
    }

    private static void assertViolates(String packageName, String dependency) {
        assertThatThrownBy(() -> PLAIN_JAVA.check(mainClassesOf(packageName)))
                .as("%s depending on %s", packageName, dependency)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(dependency);
    }

    private static JavaClasses mainClassesOf(String packageName) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packageName);
    }
}
