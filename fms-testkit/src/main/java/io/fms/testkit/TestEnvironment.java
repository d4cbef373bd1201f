package io.fms.testkit;

import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A Spring environment whose process environment is the given variables and nothing else: neither the real
 * environment nor the JVM's system properties reach it, so a test sees only what it set.
 */
public final class TestEnvironment {

    private TestEnvironment() {}

    /** The variables in the place, and with the relaxed names, Spring Boot gives the real process environment. */
    public static StandardEnvironment of(Map<String, ?> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment
                .getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
        return environment;
    }
}
