package io.fms.support.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which callback URLs FMS will send webhooks to: http(s) to a public address, nothing that reaches into our own
 * network (loopback, private, link-local, unique-local, CGNAT, multicast, cloud metadata...). The API checks a URL
 * when a booking is submitted ({@link #check(String)}); the worker checks again at send time against the very
 * addresses it connects to ({@link #evaluate(String)}, {@link #checkAddress(InetAddress)}), because a name's DNS
 * answer can change between the two (DNS rebinding).
 *
 * <p>Plain Java, thread-safe, no framework: usable from any module.
 */
public final class CallbackUrlPolicy {

    /** Longer than any real callback URL; bounds the parsing work an attacker can ask for. */
    public static final int URL_LENGTH_MAX = 2048;

    /** Names that reach a cloud provider's instance metadata service without looking private. */
    private static final Set<String> METADATA_HOST_NAMES = Set.of("metadata.google.internal", "metadata");

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    /** A label a resolver may read as a number: decimal, octal (leading 0) or hexadecimal (0x). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("\\d+|0x[0-9a-f]*");

    private static final Pattern HOST_NAME_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    private static final byte[] NAT64_WELL_KNOWN_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private static final byte[] AWS_METADATA_IPV6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };

    /** Resolves a host name to every address it has; a seam for tests and for callers with their own resolver. */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The outcome of {@link #evaluate(String)}. */
    public sealed interface Verdict permits Accepted, Refused {}

    /**
     * An acceptable URL and the checked addresses its host had at this moment; connect to one of these, not to a
     * fresh lookup of {@code host}.
     *
     * @param uri the parsed URL
     * @param host the host as written (lower case, no brackets, no trailing dot), for the Host header and TLS SNI
     * @param port the explicit port, or the scheme's default
     * @param addresses every address of the host, each one passed {@link #checkAddress(InetAddress)}
     */
    public record Accepted(URI uri, String host, int port, List<InetAddress> addresses) implements Verdict {
        public Accepted {
            Objects.requireNonNull(uri);
            Objects.requireNonNull(host);
            addresses = List.copyOf(addresses);
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("an accepted URL has at least one address");
            }
        }
    }

    /** @param reason why, for a human: safe to show to the client who gave the URL */
    public record Refused(String reason) implements Verdict {
        public Refused {
            Objects.requireNonNull(reason);
        }
    }

    private final boolean allowLoopback;
    private final HostResolver resolver;

    /** @param allowLoopback accept 127.0.0.0/8 and ::1 (local development only; nothing else private, ever) */
    public CallbackUrlPolicy(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    public CallbackUrlPolicy(boolean allowLoopback, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.resolver = Objects.requireNonNull(resolver);
    }

    public boolean allowsLoopback() {
        return allowLoopback;
    }

    /** @return empty when the URL is acceptable, else the reason it is refused */
    public Optional<String> check(String url) {
        return evaluate(url) instanceof Refused refused ? Optional.of(refused.reason()) : Optional.empty();
    }

    /** Checks the URL and resolves its host, refusing it if any address the host has is refused. */
    public Verdict evaluate(String url) {
        if (url == null || url.isBlank()) {
            return new Refused("callbackUrl is empty");
        }
        if (url.length() > URL_LENGTH_MAX) {
            return new Refused("callbackUrl is longer than " + URL_LENGTH_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return new Refused("callbackUrl is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return new Refused("callbackUrl must use http or https");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return new Refused("callbackUrl has no host");
        }
        if (authority.contains("@")) {
            return new Refused("callbackUrl must not carry a user name or password");
        }
        return evaluateAuthority(uri, authority, scheme.equals("https") ? 443 : 80);
    }

    private Verdict evaluateAuthority(URI uri, String authority, int defaultPort) {
        String host;
        String portText;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                return new Refused("callbackUrl has a malformed IPv6 host");
            }
            host = authority.substring(1, close);
            String rest = authority.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return new Refused("callbackUrl has a malformed IPv6 host");
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
                return new Refused("callbackUrl has an invalid port");
            }
            port = Integer.parseInt(portText);
            if (port < 1 || port > 65535) {
                return new Refused("callbackUrl has an invalid port");
            }
        }
        if (host.isEmpty()) {
            return new Refused("callbackUrl has no host");
        }
        if (!host.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return new Refused("callbackUrl host must be written in ASCII (punycode for international names)");
        }
        if (host.contains("%")) {
            // Percent-encoded hosts and IPv6 zone identifiers: resolvers disagree on both.
            return new Refused("callbackUrl host must not contain '%'");
        }
        if (authority.startsWith("[")) {
            return evaluateIpv6Literal(uri, host, port);
        }
        return evaluateName(uri, host, port);
    }

    private Verdict evaluateIpv6Literal(URI uri, String host, int port) {
        if (!host.contains(":") || !IPV6_LITERAL.matcher(host).matches()) {
            return new Refused("callbackUrl has a malformed IPv6 host");
        }
        InetAddress address;
        try {
            // A literal with ':' is parsed, never looked up.
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return new Refused("callbackUrl has a malformed IPv6 host");
        }
        return acceptIfAllowed(uri, host.toLowerCase(Locale.ROOT), port, new InetAddress[] {address}, true);
    }

    private Verdict evaluateName(URI uri, String written, int port) {
        String host = written.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        String[] labels = host.split("\\.", -1);
        // Anything a resolver might read as a number must be the one spelling everyone agrees on: 2130706433,
        // 0x7f000001, 0177.0.0.1 and 127.1 are all 127.0.0.1 to some resolvers and host names to others.
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            if (!CANONICAL_IPV4.matcher(host).matches()) {
                return new Refused("callbackUrl host " + written
                        + " looks like an IPv4 address but is not in dotted decimal form (a.b.c.d)");
            }
            return acceptIfAllowed(uri, host, port, new InetAddress[] {ipv4(host)}, true);
        }
        for (String label : labels) {
            if (!HOST_NAME_LABEL.matcher(label).matches()) {
                return new Refused("callbackUrl host " + written + " is not a valid host name");
            }
        }
        if (host.length() > 253) {
            return new Refused("callbackUrl host is longer than 253 characters");
        }
        if (METADATA_HOST_NAMES.contains(host)) {
            return new Refused("callbackUrl host " + written + " is a cloud metadata service");
        }
        if (uri.getHost() == null) {
            // The JDK could not read the host, so no HTTP client of ours could send to it either.
            return new Refused("callbackUrl host " + written + " is not a valid host name");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException | SecurityException e) {
            return new Refused("callbackUrl host " + written + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return new Refused("callbackUrl host " + written + " does not resolve");
        }
        return acceptIfAllowed(uri, host, port, addresses, false);
    }

    private Verdict acceptIfAllowed(URI uri, String host, int port, InetAddress[] addresses, boolean literal) {
        for (InetAddress address : addresses) {
            Optional<String> refusal = checkAddress(address);
            if (refusal.isPresent()) {
                return new Refused(
                        literal
                                ? "callbackUrl host is " + refusal.get()
                                : "callbackUrl host " + host + " resolves to " + refusal.get());
            }
        }
        return new Accepted(uri, host, port, Arrays.asList(addresses));
    }

    /**
     * The connect-time check: is this address one we may open a connection to?
     *
     * @return empty when it is, else the reason (e.g. "10.0.0.1, a private address")
     */
    public Optional<String> checkAddress(InetAddress address) {
        if (address == null) {
            return Optional.of("no address");
        }
        byte[] bytes = address.getAddress();
        String kind = bytes.length == 4 ? ipv4Kind(bytes, allowLoopback) : ipv6Kind(bytes);
        return kind == null ? Optional.empty() : Optional.of(address.getHostAddress() + ", " + kind);
    }

    /** @return what makes this IPv4 address unacceptable, or null when it is a public unicast address */
    private static String ipv4Kind(byte[] b, boolean allowLoopback) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 127) {
            return allowLoopback ? null : "a loopback address";
        }
        if (first == 0) {
            return "an unspecified (\"this network\") address";
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return "a private address";
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return "a shared (carrier-grade NAT) address";
        }
        if (first == 169 && second == 254) {
            return (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254 ? "a cloud metadata address" : "a link-local address";
        }
        if (first >= 224 && first <= 239) {
            return "a multicast address";
        }
        if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
            return "the broadcast address";
        }
        if (first >= 240) {
            return "a reserved address";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "an IETF protocol address";
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a benchmarking network address";
        }
        return null;
    }

    /** @return what makes this IPv6 address unacceptable, or null when it is a global unicast address */
    private String ipv6Kind(byte[] b) {
        if (Arrays.equals(b, AWS_METADATA_IPV6)) {
            return "a cloud metadata address";
        }
        boolean firstTwelveZero = isZero(b, 0, 12);
        if (firstTwelveZero && isZero(b, 12, 15)) {
            if (b[15] == 0) {
                return "an unspecified address";
            }
            if (b[15] == 1) {
                return allowLoopback ? null : "a loopback address";
            }
        }
        if (firstTwelveZero) {
            return embedded(b, 12, "an IPv4-compatible form of ");
        }
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12, "an IPv4-mapped form of ");
        }
        if (Arrays.equals(Arrays.copyOfRange(b, 0, 12), NAT64_WELL_KNOWN_PREFIX)) {
            return embedded(b, 12, "a NAT64 form of ");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // 64:ff9b:1::/48 is NAT64 for local use only; anything else in 64:ff9b::/32 is unassigned.
            return "a local-use NAT64 address";
        }
        if (first == 0x20 && second == 0x02) {
            return embedded(b, 2, "a 6to4 form of ");
        }
        if (first == 0xff) {
            return "a multicast address";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "a site-local address";
        }
        if ((first & 0xfe) == 0xfc) {
            return "a unique-local address";
        }
        return null;
    }

    /** Judges the IPv4 address embedded at {@code offset}; loopback stays refused there, whatever the setting. */
    private static String embedded(byte[] b, int offset, String form) {
        byte[] v4 = Arrays.copyOfRange(b, offset, offset + 4);
        String kind = ipv4Kind(v4, false);
        if (kind == null) {
            return null;
        }
        return form + ipv4Text(v4) + ", " + kind;
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String ipv4Text(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
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
