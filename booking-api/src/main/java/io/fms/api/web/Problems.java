package io.fms.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** Builds the RFC 9457 answers, so that every path out of the API (handler, filter, error page) looks the same. */
public final class Problems {

    /** Request attribute naming the {@link ProblemKind} answered, for metrics taken after the response is made. */
    public static final String KIND_ATTRIBUTE = Problems.class.getName() + ".kind";

    static final String PROBLEM_JSON_UTF8 = "application/problem+json;charset=UTF-8";

    // Writes only strings and numbers: nothing of the application's mapper settings (which concern reading) applies.
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /**
     * Answers {@code kind} from a servlet filter, before any handler (and so before Spring's problem handling) is
     * reached. Headers of the answer other than its content type are the caller's to set.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemKind kind, String detail)
            throws IOException {
        request.setAttribute(KIND_ATTRIBUTE, kind);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", kind.type().toString());
        problem.put("title", kind.title());
        problem.put("status", kind.status().value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(kind.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    public static ProblemDetail of(ProblemKind kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setType(kind.type());
        problem.setTitle(kind.title());
        return problem;
    }

    public static ProblemDetail validation(List<FieldProblem> errors, String detail) {
        ProblemDetail problem = of(ProblemKind.VALIDATION, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    public static ResponseEntity<Object> response(
            ProblemKind kind, ProblemDetail problem, HttpHeaders headers, HttpServletRequest request) {
        if (request != null) {
            request.setAttribute(KIND_ATTRIBUTE, kind);
        }
        HttpHeaders all = new HttpHeaders();
        if (headers != null) {
            all.putAll(headers);
        }
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(kind.status()).headers(all).body(problem);
    }
}
