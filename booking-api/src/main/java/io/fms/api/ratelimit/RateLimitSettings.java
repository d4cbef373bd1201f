package io.fms.api.ratelimit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limit on booking submissions and cancellations, per client address. Its own prefix, so that the variables
 * {@code FMS_RATE_LIMIT_*} reach it by relaxed binding.
 *
 * @param enabled off only where every client is one address on purpose: the benchmark, the e2e suite
 * @param perClientPerSecond sustained requests per second one client address may make
 * @param perClientBurst requests one client address may make at once before the sustained rate applies
 * @param trustedProxies addresses or CIDR blocks of our own reverse proxies; only a request arriving from one of
 *     them has its client taken from X-Forwarded-For, since anyone else can write that header
 */
@Validated
@ConfigurationProperties("fms.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Min(1) @Max(1_000_000) int perClientPerSecond,
        @DefaultValue("100") @Min(1) @Max(1_000_000) int perClientBurst,
        @DefaultValue("") List<String> trustedProxies) {

    public RateLimitSettings {
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        if (trustedProxies.size() > 100) {
            throw new IllegalArgumentException("fms.rate-limit.trusted-proxies holds at most 100 entries");
        }
    }
}
