package io.fms.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problems an endpoint can answer with, listed on the handler method. Each kind is documented once, as a shared
 * response of the OpenAPI document ({@link OpenApiConfig}); this names them, so that a controller reads as its
 * endpoints rather than as a wall of response annotations. One kind per status: OpenAPI has one answer per status.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemAnswers {

    ProblemKind[] value();
}
