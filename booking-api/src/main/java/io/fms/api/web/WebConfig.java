package io.fms.api.web;

import io.fms.api.ApiProperties;
import java.time.Duration;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** Room beyond the longest long-poll for re-reading the read model before the container gives up. */
    private static final Duration ASYNC_MARGIN = Duration.ofSeconds(15);

    private final ApiProperties properties;

    WebConfig(ApiProperties properties) {
        this.properties = properties;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter() {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(properties.maxBodyBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Replaces Tomcat's HTML error page (and Spring Boot's variant of it) for requests refused before any servlet
     * runs; runs last so that no other customizer's valve is left to answer first.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    // Else the host adds Tomcat's own valve when it starts, inside ours, and it would answer first.
                    ((StandardHost) context.getParent())
                            .setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    Pipeline host = context.getParent().getPipeline();
                    for (Valve valve : host.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.removeValve(valve);
                        }
                    }
                    host.addValve(new ProblemErrorReportValve());
                });
            }
        };
    }

    /**
     * Stricter reading than Jackson's defaults, for request bodies: a key given twice (which one wins differs
     * between parsers, so a proxy or a log may see another request than we do) and a number or boolean where text
     * belongs ({@code "name": 42}) are 400s, not silently accepted.
     */
    @Bean
    JsonMapperBuilderCustomizer strictRequestReading() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(
                        LogicalType.Textual,
                        textual -> textual.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(Duration.ofSeconds(properties.longPollMaxSeconds())
                .plus(ASYNC_MARGIN)
                .toMillis());
    }
}
