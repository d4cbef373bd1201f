package io.fms.api.web;

import io.fms.api.ApiProperties;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem with a stable {@code type}. Details never carry class names or
 * stack traces: parser messages are replaced by our own words, unexpected failures are logged and answered 500.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final ApiProperties properties;
    private final MeterRegistry meters;

    public ProblemHandler(ApiProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<Object> validation(ValidationException e, HttpServletRequest request) {
        return Problems.response(ProblemKind.VALIDATION, Problems.validation(e.errors(), e.detail()), null, request);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e instanceof ProblemException.Unavailable unavailable) {
            return unavailable(unavailable.dependency(), e.detail(), e, request);
        }
        if (e.kind() == ProblemKind.UNAUTHORIZED) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return Problems.response(e.kind(), Problems.of(e.kind(), e.detail()), headers, request);
    }

    /** Redis or Postgres did not answer: the request may succeed later, and nothing was queued. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<Object> dependencyDown(DataAccessException e, HttpServletRequest request) {
        String dependency = isRedis(e) ? "redis" : "postgres";
        return unavailable(
                dependency, "A backing service (" + dependency + ") is unreachable; retry later", e, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof DataAccessException && isRedis(e)) {
            return unavailable("redis", "The read model (redis) failed; retry later", e, request);
        }
        LOG.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return Problems.response(
                ProblemKind.INTERNAL,
                Problems.of(ProblemKind.INTERNAL, "The request failed unexpectedly; it has been logged"),
                null,
                request);
    }

    /**
     * Whether Redis failed rather than Postgres. Spring translates both into the same exception types (a Redis
     * command timeout is a plain {@link QueryTimeoutException}), so the client library in the cause chain decides.
     */
    static boolean isRedis(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.startsWith("org.springframework.data.redis") || type.startsWith("io.lettuce")) {
                return true;
            }
        }
        return false;
    }

    private ResponseEntity<Object> unavailable(
            String dependency, String detail, Exception cause, HttpServletRequest request) {
        Throwable reason = cause instanceof ProblemException && cause.getCause() != null ? cause.getCause() : cause;
        LOG.warn(
                "503 on {} {}: {} unavailable: {}",
                request.getMethod(),
                request.getRequestURI(),
                dependency,
                reason.toString());
        meters.counter("fms.api.unavailable", "dependency", dependency).increment();
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterMs() / 1000));
        return Problems.response(
                ProblemKind.UNAVAILABLE, Problems.of(ProblemKind.UNAVAILABLE, detail), headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        JacksonException parse = findCause(e, JacksonException.class);
        String path = parse == null ? "" : JsonPaths.of(parse);
        if (parse instanceof UnrecognizedPropertyException) {
            return respond(
                    request,
                    ProblemKind.VALIDATION,
                    Problems.validation(List.of(new FieldProblem(path, "unknown field")), "Unknown field " + path),
                    headers);
        }
        if (parse != null && !path.isEmpty() && !isSyntaxError(parse)) {
            return respond(
                    request,
                    ProblemKind.VALIDATION,
                    Problems.validation(List.of(new FieldProblem(path, "has the wrong type")), "Invalid field " + path),
                    headers);
        }
        String detail =
                parse == null ? "The request body is missing or unreadable" : "The request body is not valid JSON";
        return respond(
                request, ProblemKind.MALFORMED_REQUEST, Problems.of(ProblemKind.MALFORMED_REQUEST, detail), headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // An ID in the path that is not even a UUID names nothing that could exist.
        if (e instanceof MethodArgumentTypeMismatchException mismatch
                && mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return respond(
                    request, ProblemKind.NOT_FOUND, Problems.of(ProblemKind.NOT_FOUND, "No such resource"), headers);
        }
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return respond(
                request,
                ProblemKind.VALIDATION,
                Problems.validation(List.of(new FieldProblem(name, "has the wrong type")), "Invalid parameter " + name),
                headers);
    }

    /** The framework's own answers (404, 405, 415, ...) keep their status and detail but get our type URIs. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemKind kind = ProblemKind.forStatus(status.value());
        ProblemDetail problem = Problems.of(kind, safeDetail(body, kind));
        if (kind == ProblemKind.UNAVAILABLE) {
            headers = new HttpHeaders(headers);
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfterMs() / 1000));
        }
        return respond(request, kind, problem, headers);
    }

    private ResponseEntity<Object> respond(
            WebRequest request, ProblemKind kind, ProblemDetail problem, HttpHeaders headers) {
        HttpServletRequest servletRequest = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class)
                : null;
        return Problems.response(kind, problem, headers, servletRequest);
    }

    /** The framework's details are written for clients (no class names); anything else gets the kind's title. */
    private static String safeDetail(Object body, ProblemKind kind) {
        if (body instanceof ProblemDetail detail && detail.getDetail() != null && kind != ProblemKind.INTERNAL) {
            return detail.getDetail();
        }
        return kind.title();
    }

    private static boolean isSyntaxError(JacksonException e) {
        return e instanceof tools.jackson.core.exc.StreamReadException
                && !(e instanceof tools.jackson.databind.DatabindException);
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
