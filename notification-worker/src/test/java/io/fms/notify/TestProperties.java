package io.fms.notify;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Worker settings for tests that build pieces by hand: short timeouts, the rest as the record's defaults. */
public final class TestProperties {

    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("connect-timeout-ms", "500"),
            Map.entry("read-timeout-ms", "500"),
            Map.entry("request-timeout-ms", "1000"),
            Map.entry("retry-base-ms", "100"),
            Map.entry("retry-cap-ms", "400"),
            Map.entry("retry-horizon-ms", "3000"),
            Map.entry("attempts-max", "50"),
            Map.entry("webhook-threads", "8"),
            Map.entry("domain-concurrency-max", "4"),
            Map.entry("email-threads", "4"),
            Map.entry("poll-interval-ms", "50"),
            Map.entry("poll-batch-max", "100"),
            Map.entry("lease-ms", "2000"));

    private TestProperties() {}

    /** @param secret null for none */
    public static NotifyProperties of(String secret, boolean allowLoopback) {
        var source = new MapConfigurationPropertySource();
        SHORT.forEach((name, value) -> source.put("fms.notify." + name, value));
        if (secret != null) {
            source.put("fms.notify.webhook-secret", secret);
        }
        source.put("fms.notify.allow-loopback", Boolean.toString(allowLoopback));
        return bind(source);
    }

    public static NotifyProperties bind(MapConfigurationPropertySource source) {
        return new Binder(source).bindOrCreate("fms.notify", NotifyProperties.class);
    }
}
