package io.fms.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which client a request counts against. The socket's peer by default. X-Forwarded-For is read only when the peer
 * is one of our trusted proxies, and then from the right: each trusted proxy appends the address it saw, so the
 * right-most entry that is not one of ours is the first one no client could have forged. Trusting the header from
 * anyone would let a bot escape its limit by writing a new address on every request, or spend someone else's.
 * IPv6 clients count per /64: that is what one subscriber gets, and a bot could rotate through it freely. A client
 * in an exempt block (a load generator of one's own, say) is not limited at all.
 */
final class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private final List<Block> trusted;
    private final List<Block> exempt;

    ClientAddresses(List<String> trustedProxies) {
        this(trustedProxies, List.of());
    }

    ClientAddresses(List<String> trustedProxies, List<String> exemptClients) {
        this.trusted = blocks("fms.rate-limit.trusted-proxies", trustedProxies);
        this.exempt = blocks("fms.rate-limit.exempt", exemptClients);
    }

    /** The client's address as a key: dotted IPv4, or the IPv6 /64 prefix. */
    String clientOf(HttpServletRequest request) {
        InetAddress client = resolve(request);
        return client == null ? request.getRemoteAddr() : key(client);
    }

    /** The key of the client the request counts against, or empty when that client is exempt from the limit. */
    Optional<String> limitedClientOf(HttpServletRequest request) {
        InetAddress client = resolve(request);
        if (client == null) {
            return Optional.of(request.getRemoteAddr());
        }
        return contains(exempt, client) ? Optional.empty() : Optional.of(key(client));
    }

    private InetAddress resolve(HttpServletRequest request) {
        InetAddress peer = literal(request.getRemoteAddr());
        if (peer == null) {
            return null;
        }
        if (trusted.isEmpty() || !contains(trusted, peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // Garbage in the chain: the last address we can vouch for is the one that handed it to us.
                break;
            }
            client = hop;
            if (!contains(trusted, hop)) {
                break;
            }
        }
        return client;
    }

    private static List<Block> blocks(String setting, List<String> entries) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : entries) {
            blocks.add(Block.parse(setting, entry));
        }
        return List.copyOf(blocks);
    }

    private static boolean contains(List<Block> blocks, InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        }
        return address.getHostAddress();
    }

    /** An IP literal, never a name: this runs on every request and must not wait for DNS. */
    static InetAddress literal(String text) {
        if (text == null || !IP_LITERAL.matcher(text).matches()) {
            return null;
        }
        if (!text.contains(":") && text.chars().filter(c -> c == '.').count() != 3) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address block in CIDR form, or a single address. */
    record Block(byte[] network, int prefixBits) {

        static Block parse(String setting, String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(setting + ": not an IP address or CIDR block: " + entry);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException(setting + ": bad prefix in " + entry);
            }
            return new Block(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
