package io.fms.support.callback;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which callback URLs FMS will send webhooks to: http(s) to a public address, nothing that reaches into our own
 * network (loopback, private, link-local, unique-local, CGNAT, multicast, cloud metadata...). The API checks a URL
 * when a booking is submitted ({@link #check(String)}); the worker checks again at send time against the very
 * addresses it connects to ({@link #evaluate(String)}, {@link #checkAddress(InetAddress)}), because a name's DNS
 * answer can change between the two (DNS rebinding).
 *
 * <p>{@link CallbackUrl} reads the URL down to an address or a name to resolve; {@link ForbiddenAddresses} judges
 * every address. Plain Java, thread-safe, no framework: usable from any module.
 */
public final class CallbackUrlPolicy {

    /** The longest callback URL accepted. */
    public static final int URL_LENGTH_MAX = CallbackUrl.LENGTH_MAX;

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
    private final ForbiddenAddresses forbidden;
    private final HostResolver resolver;

    /** @param allowLoopback accept 127.0.0.0/8 and ::1 (local development only; nothing else private, ever) */
    public CallbackUrlPolicy(boolean allowLoopback) {
        this(allowLoopback, InetAddress::getAllByName);
    }

    public CallbackUrlPolicy(boolean allowLoopback, HostResolver resolver) {
        this.allowLoopback = allowLoopback;
        this.forbidden = new ForbiddenAddresses(allowLoopback);
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
        return switch (CallbackUrl.parse(url)) {
            case CallbackUrl.Malformed malformed -> new Refused(malformed.reason());
            case CallbackUrl.Literal literal ->
                acceptIfAllowed(
                        literal.uri(), literal.host(), literal.port(), new InetAddress[] {literal.address()}, true);
            case CallbackUrl.Name name -> evaluateName(name);
        };
    }

    private Verdict evaluateName(CallbackUrl.Name name) {
        if (ForbiddenAddresses.isMetadataHostName(name.host())) {
            return new Refused("callbackUrl host " + name.written() + " is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name.host());
        } catch (UnknownHostException | SecurityException e) {
            return new Refused("callbackUrl host " + name.written() + " does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            return new Refused("callbackUrl host " + name.written() + " does not resolve");
        }
        return acceptIfAllowed(name.uri(), name.host(), name.port(), addresses, false);
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
        return forbidden.kindOf(address).map(kind -> address.getHostAddress() + ", " + kind);
    }
}
