package io.fms.api.ratelimit;

import io.fms.api.web.ProblemKind;
import io.fms.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits what costs the system a Kafka record: booking submissions, cancellations and payment confirmations. Status reads and long-polls
 * are not limited here: they are answered from Redis, queue nothing, and long-polls are bounded by
 * {@code fms.api.waiters-max}. Runs before anything reads the body, so a refused request costs no parsing.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final String BOOKINGS = "/api/v1/bookings";

    private final RateLimiter limiter;
    private final ClientAddresses clients;
    private final JsonMapper json;

    RateLimitFilter(RateLimiter limiter, ClientAddresses clients, JsonMapper json) {
        this.limiter = limiter;
        this.clients = clients;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return switch (request.getMethod()) {
            case "POST" ->
                !path.equals(BOOKINGS)
                        && !path.equals(BOOKINGS + "/")
                        && !(path.startsWith(BOOKINGS + "/") && path.endsWith("/confirmation"));
            case "DELETE" -> !path.startsWith(BOOKINGS + "/");
            default -> true;
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> client = clients.limitedClientOf(request);
        if (client.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Verdict verdict = limiter.check(client.get());
        if (verdict.known()) {
            // The IETF RateLimit header fields (draft): the client can pace itself instead of meeting a 429.
            response.setHeader("RateLimit-Limit", String.valueOf(limiter.burst()));
            response.setHeader("RateLimit-Remaining", String.valueOf(verdict.remaining()));
            response.setHeader("RateLimit-Reset", String.valueOf(seconds(verdict.resetMs())));
        }
        if (verdict.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfterSeconds = Math.max(1, seconds(verdict.resetMs()));
        request.setAttribute(Problems.KIND_ATTRIBUTE, ProblemKind.RATE_LIMITED);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemKind.RATE_LIMITED.type().toString());
        problem.put("title", ProblemKind.RATE_LIMITED.title());
        problem.put("status", ProblemKind.RATE_LIMITED.status().value());
        problem.put("detail", "Too many booking requests from this address; retry after " + retryAfterSeconds + " s");
        problem.put("instance", request.getRequestURI());
        response.setStatus(ProblemKind.RATE_LIMITED.status().value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static long seconds(long ms) {
        return (ms + 999) / 1000;
    }
}
