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
 * @param exempt addresses or CIDR blocks of clients that are never limited: the benchmark's and the fault suite's
 *     load generators, which play thousands of buyers from one address; nobody else should be here
 */
@Validated
@ConfigurationProperties("fms.rate-limit")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Min(1) @Max(1_000_000) int perClientPerSecond,
        @DefaultValue("100") @Min(1) @Max(1_000_000) int perClientBurst,
        @DefaultValue("") List<String> trustedProxies,
        @DefaultValue("") List<String> exempt) {

    static final int ADDRESS_LIST_SIZE_MAX = 100;

    public RateLimitSettings {
        trustedProxies = addresses("trusted-proxies", trustedProxies);
        exempt = addresses("exempt", exempt);
    }

    private static List<String> addresses(String name, List<String> entries) {
        List<String> addresses = entries == null
                ? List.of()
                : entries.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (addresses.size() > ADDRESS_LIST_SIZE_MAX) {
            throw new IllegalArgumentException(
                    "fms.rate-limit." + name + " holds at most " + ADDRESS_LIST_SIZE_MAX + " entries");
        }
        return addresses;
    }
}
