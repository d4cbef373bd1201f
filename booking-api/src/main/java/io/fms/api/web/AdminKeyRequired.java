package io.fms.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that needs the admin key. The OpenAPI document names the key's security scheme on it, and the two
 * problems the key check answers: {@link ProblemKind#UNAUTHORIZED} without the key or with a wrong one,
 * {@link ProblemKind#ADMIN_KEY_NOT_CONFIGURED} when the server has none.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AdminKeyRequired {}
