package io.fms.api.door;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The door's limit on booking submissions and cancellations, per client address (fms.api.rate-limit.*).
 *
 * @param enabled off only where every client is one address on purpose: the benchmark, the e2e suite
 * @param perClientPerSecond sustained requests per second one client address may make
 * @param perClientBurst requests one client address may make at once before the sustained rate applies
 * @param trustedProxies addresses or CIDR blocks of our own reverse proxies; only a request arriving from one of
 *     them has its client taken from X-Forwarded-For, since anyone else can write that header
 */
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
            throw new IllegalArgumentException("fms.api.rate-limit.trusted-proxies holds at most 100 entries");
        }
    }
}
