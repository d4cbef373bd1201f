package io.fms.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a list endpoint that pages with {@code limit} and {@code offset} ({@link Page}). Its two query parameters
 * and the {@code Link} header of its answer are documented once, by {@link OpenApiConfig}, from the same limits the
 * endpoint enforces; the handler only declares the parameters.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PagedList {}
