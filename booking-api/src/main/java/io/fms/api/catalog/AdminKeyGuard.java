package io.fms.api.catalog;

import io.fms.api.ApiProperties;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Catalog writes need {@code Authorization: Bearer <FMS_ADMIN_API_KEY>}; reads need nothing. Keys are compared
 * as SHA-256 digests with a constant-time comparison, so neither the timing nor the length of a wrong key tells
 * anything about the right one. Without a configured key, writes are refused outright rather than left open.
 */
class AdminKeyGuard implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    AdminKeyGuard(ApiProperties properties) {
        this.expectedDigest = properties.hasAdminApiKey() ? sha256(properties.adminApiKey()) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (READS.contains(request.getMethod())) {
            return true;
        }
        if (expectedDigest == null) {
            throw new ProblemException(
                    ProblemKind.ADMIN_KEY_NOT_CONFIGURED,
                    "This server has no admin key configured (FMS_ADMIN_API_KEY), so catalog writes are refused");
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
        if (!bearer
                || !MessageDigest.isEqual(
                        expectedDigest,
                        sha256(authorization.substring(SCHEME.length()).strip()))) {
            throw new ProblemException(
                    ProblemKind.UNAUTHORIZED, "Catalog writes need the header Authorization: Bearer <admin key>");
        }
        return true;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
