package io.fms.api.web;

import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Named examples of an endpoint's JSON request body, whose schema springdoc derives from the handler's body
 * parameter. {@link AnswerDocs} adds them to the document.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestExamples {

    ExampleObject[] value();
}
