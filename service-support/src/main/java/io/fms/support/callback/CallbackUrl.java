package io.fms.support.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a callback URL as far as the host a webhook would connect to: an IP address written in the URL, or a name
 * still to resolve. Refuses what is not plain http(s) to a host, and every host spelling that resolvers or HTTP
 * clients read differently from us, since a check is only as good as its agreement with the code that connects.
 */
final class CallbackUrl {

    /** Longer than any real callback URL; bounds the parsing work an attacker can ask for. */
    static final int LENGTH_MAX = 2048;

    private static final int HOST_NAME_LENGTH_MAX = 253;

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** A label a resolver may read as a number: decimal, octal (leading 0) or hexadecimal (0x). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

    private static final Pattern HOST_NAME_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    sealed interface Parsed permits Malformed, Literal, Name {}

    /** @param reason why the URL is refused, for the client who gave it */
    record Malformed(String reason) implements Parsed {}

    /**
     * An IP address written in the URL: judged as it is, never looked up.
     *
     * @param host the address as written, lower case, without brackets or a trailing dot
     */
    record Literal(URI uri, String host, int port, InetAddress address) implements Parsed {}

    /**
     * A host name, still to be resolved.
     *
     * @param host lower case, without a trailing dot: what to resolve
     * @param written the host as the URL wrote it, for messages
     */
    record Name(URI uri, String host, String written, int port) implements Parsed {}

    private CallbackUrl() {}

    /** @param url any text; null and blank are refused like any other malformed URL */
    static Parsed parse(String url) {
        if (url == null || url.isBlank()) {
            return new Malformed("callbackUrl is empty");
        }
        if (url.length() > LENGTH_MAX) {
            return new Malformed("callbackUrl is longer than " + LENGTH_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Malformed("callbackUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Malformed("callbackUrl must use http or https");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return new Malformed("callbackUrl has no host");
        }
        if (authority.contains("@")) {
            return new Malformed("callbackUrl must not carry a user name or password");
        }
        return authority(uri, authority, scheme.equals("https") ? 443 : 80);
    }

    private static Parsed authority(URI uri, String authority, int defaultPort) {
        String host;
        String portText;
        boolean bracketed = authority.startsWith("[");
        if (bracketed) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return new Malformed("callbackUrl has a malformed IPv6 host");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return new Malformed("callbackUrl has a malformed IPv6 host");
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        int port = defaultPort;
        if (portText != null && !portText.isEmpty()) {
            if (!portText.chars().allMatch(c -> c >= '0' && c <= '9') || portText.length() > 5) {
                return new Malformed("callbackUrl has an invalid port");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return new Malformed("callbackUrl has an invalid port");
            }
        }
        if (host.isEmpty()) {
            return new Malformed("callbackUrl has no host");
        }
        if (!host.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Malformed("callbackUrl host must be written in ASCII (punycode for international names)");
        }
        if (host.contains("%")) {
            // Percent-encoded hosts and IPv6 zone identifiers: resolvers disagree on both.
            return new Malformed("callbackUrl host must not contain '%'");
        }
        return bracketed ? ipv6Literal(uri, host, port) : name(uri, host, port);
    }

    private static Parsed ipv6Literal(URI uri, String host, int port) {
        if (!host.contains(":") || !IPV6_LITERAL.matcher(host).matches()) {
            return new Malformed("callbackUrl has a malformed IPv6 host");
        }
        InetAddress address;
        try {
            // A literal with ':' is parsed, never looked up.
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return new Malformed("callbackUrl has a malformed IPv6 host");
        }
        return new Literal(uri, host.toLowerCase(Locale.ROOT), port, address);
    }

    private static Parsed name(URI uri, String written, int port) {
        String host = written.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.", -1);
        // Anything a resolver might read as a number must be the one spelling everyone agrees on: 2130706433,
        // 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1 to some resolvers and host names to others.
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                return new Malformed("callbackUrl host " + written
                        + " looks like an IPv4 address but is not in dotted decimal form (a.b.c.d)");
            }
            return new Literal(uri, host, port, ipv4(host));
        }
        for (String label : labels) {
            if (!HOST_NAME_LABEL.matcher(label).matches()) {
                return new Malformed("callbackUrl host " + written + " is not a valid host name");
            }
        }
        if (host.length() > HOST_NAME_LENGTH_MAX) {
            return new Malformed("callbackUrl host is longer than " + HOST_NAME_LENGTH_MAX + " characters");
        }
        if (uri.getHost() == null) {
            // The JDK could not read the host, so no HTTP client of ours could send to it either.
            return new Malformed("callbackUrl host " + written + " is not a valid host name");
        }
        return new Name(uri, host, written, port);
    }

    private static InetAddress ipv4(String canonical) {
        String[] parts = canonical.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an address", e);
        }
    }
}
