package io.fms.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Environment variables whose names do not follow from their property's, such as {@code FMS_WEBHOOK_SECRET} for
 * {@code fms.notify.webhook-secret} (relaxed binding would want {@code FMS_NOTIFY_WEBHOOK_SECRET}). A variable that
 * is set sets its property with the precedence of an environment variable; one that is not set leaves the property
 * alone, so its default stays where it is written once, in its {@code @ConfigurationProperties} record. A
 * placeholder with an empty default cannot do that: an empty value does not bind to a number or a boolean, and
 * reaches a text setting as an empty text.
 *
 * <p>Each module lists its own variables in {@value #RESOURCE} at the root of its classpath, one {@code
 * VARIABLE=property} a line.
 */
public class EnvironmentNames implements EnvironmentPostProcessor {

    static final String RESOURCE = "fms-environment-names.properties";

    static final String SOURCE_NAME = "fmsEnvironmentNames";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String variablesName = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
        PropertySource<?> variables = environment.getPropertySources().get(variablesName);
        if (variables == null) {
            return;
        }
        ClassLoader classLoader = application == null || application.getClassLoader() == null
                ? ClassUtils.getDefaultClassLoader()
                : application.getClassLoader();
        Map<String, Object> properties = new LinkedHashMap<>();
        names(classLoader).forEach((variable, property) -> {
            Object value = variables.getProperty(variable);
            // Set but empty counts as not set, as everywhere in FMS: a compose file passes "${FMS_X:-}" on, and an
            // empty endpoint or format must not switch a feature on.
            if (value != null && !value.toString().isBlank()) {
                properties.put(property, value);
            }
        });
        if (!properties.isEmpty()) {
            environment.getPropertySources().addAfter(variablesName, new MapPropertySource(SOURCE_NAME, properties));
        }
    }

    /** Every variable listed on the classpath and the property it sets. */
    static Map<String, String> names(ClassLoader classLoader) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(classLoader.getResources(RESOURCE))) {
                Properties listed = new Properties();
                try (InputStream in = url.openStream()) {
                    listed.load(in);
                }
                for (String variable : listed.stringPropertyNames()) {
                    String property = listed.getProperty(variable).strip();
                    String before = names.putIfAbsent(variable, property);
                    if (before != null && !before.equals(property)) {
                        throw new IllegalStateException(
                                variable + " is listed for both " + before + " and " + property + " (" + url + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return names;
    }
}
