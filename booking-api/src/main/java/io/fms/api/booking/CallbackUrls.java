package io.fms.api.booking;

import io.fms.api.ApiProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether a callback URL may be accepted: http(s) only, and never an address inside our network. */
@Component
class CallbackUrls {

    static final int LENGTH_MAX = 2048;

    private final boolean allowLoopback;

    CallbackUrls(ApiProperties properties) {
        this.allowLoopback = properties.webhookAllowLoopback();
    }

    /** Empty when acceptable, else why not. */
    Optional<String> problem(String url) {
        if (url.length() > LENGTH_MAX) {
            return Optional.of("must be at most " + LENGTH_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http(s) URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        return Optional.empty();
    }
}
