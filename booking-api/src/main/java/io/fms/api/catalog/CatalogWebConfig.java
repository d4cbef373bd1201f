package io.fms.api.catalog;

import io.fms.api.ApiProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class CatalogWebConfig implements WebMvcConfigurer {

    private final ApiProperties properties;

    CatalogWebConfig(ApiProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AdminKeyGuard(properties)).addPathPatterns("/api/v1/flights", "/api/v1/flights/**");
    }
}
