package io.fms.api.booking;

import io.fms.api.web.ProblemKind;
import io.fms.api.web.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts booking requests turned away at the door, by the kind of problem answered. It wraps everything else, so
 * refusals made before Spring MVC (an oversized body) count as well.
 */
class IntakeRefusalMetrics extends OncePerRequestFilter {

    private final MeterRegistry meters;
    /** By reason: problem kinds and HTTP error statuses, a bounded set. */
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    IntakeRefusalMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/api/v1/bookings".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() >= 400) {
                Object kind = request.getAttribute(Problems.KIND_ATTRIBUTE);
                String reason = kind instanceof ProblemKind problem ? problem.slug() : "http-" + response.getStatus();
                refused.computeIfAbsent(reason, r -> meters.counter("fms.api.bookings.refused", "reason", r))
                        .increment();
            }
        }
    }
}
