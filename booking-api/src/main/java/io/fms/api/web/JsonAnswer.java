package io.fms.api.web;

import io.swagger.v3.oas.annotations.media.ExampleObject;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A successful JSON answer of an endpoint. Its body's schema is the handler's return type, as springdoc derives it;
 * this adds what springdoc cannot know: the status, what the answer means and named examples of the body. A
 * {@code 201} or {@code 202} answer carries the {@code Location} its controller declares ({@link AnswerLocation}).
 * {@link AnswerDocs} turns it into the document.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(JsonAnswer.List.class)
public @interface JsonAnswer {

    int status() default 200;

    String description();

    ExampleObject[] examples();

    /** Several answers of one endpoint, one per status. */
    @Documented
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        JsonAnswer[] value();
    }
}
