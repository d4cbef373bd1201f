package io.fms.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@code Location} header of a controller's {@code 201} and {@code 202} answers: each of them names the resource
 * it created or accepted, always of the controller's one kind. {@link AnswerDocs} adds it to every such
 * {@link JsonAnswer}, and refuses a {@code 201} or {@code 202} answer of a controller without it.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface AnswerLocation {

    String description();

    /** A URI reference, as the header carries it. */
    String example();
}
