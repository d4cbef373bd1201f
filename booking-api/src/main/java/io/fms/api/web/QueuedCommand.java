package io.fms.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that appends a command to Kafka. The OpenAPI document lists the two problems every such endpoint can
 * answer: {@link ProblemKind#RATE_LIMITED}, as the rate limit applies to what costs a Kafka record, and
 * {@link ProblemKind#UNAVAILABLE} when the command could not be queued.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface QueuedCommand {}
