package io.fms.api.ratelimit;

import io.fms.api.web.ProblemKind;
import io.fms.api.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits what costs the system a Kafka record: booking submissions, cancellations and payment confirmations. Status reads and long-polls
 * are not limited here: they are answered from Redis, queue nothing, and long-polls are bounded by
 * {@code fms.api.waiters-max}. Runs before anything reads the body, so a refused request costs no parsing.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final String BOOKINGS = "/api/v1/bookings";

    private final RateLimiter limiter;
    private final ClientAddresses clients;

    RateLimitFilter(RateLimiter limiter, ClientAddresses clients) {
        this.limiter = limiter;
        this.clients = clients;
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
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        Problems.write(
                request,
                response,
                ProblemKind.RATE_LIMITED,
                "Too many booking requests from this address; retry after " + retryAfterSeconds + " s");
    }

    private static long seconds(long ms) {
        return (ms + 999) / 1000;
    }
}
