package io.fms.support.callback;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Which destinations reach into our own network rather than a client's: loopback, unspecified, private, shared
 * (carrier-grade NAT), link-local, cloud metadata, multicast, broadcast, reserved, and the IPv6 forms that embed
 * such an IPv4 address (IPv4-mapped and -compatible, NAT64, 6to4). Everything else is a public unicast address.
 */
final class ForbiddenAddresses {

    /** Names that reach a cloud provider's instance metadata service without looking private. */
    private static final Set<String> METADATA_HOST_NAMES = Set.of("metadata.google.internal", "metadata");

    private static final byte[] NAT64_WELL_KNOWN_PREFIX = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};

    private static final byte[] AWS_METADATA_IPV6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };

    private final boolean allowLoopback;

    /** @param allowLoopback let 127.0.0.0/8 and ::1 through, though never in an embedded (translated) form */
    ForbiddenAddresses(boolean allowLoopback) {
        this.allowLoopback = allowLoopback;
    }

    /** @param host lower case, without a trailing dot */
    static boolean isMetadataHostName(String host) {
        return METADATA_HOST_NAMES.contains(host);
    }

    /** @return what makes the address forbidden (e.g. "a private address"), or empty when it may be connected to */
    Optional<String> kindOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        return Optional.ofNullable(bytes.length == 4 ? ipv4Kind(bytes, allowLoopback) : ipv6Kind(bytes));
    }

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

    /**
     * Judges the IPv4 address embedded at {@code offset}. Loopback stays forbidden there whatever the setting:
     * reached through a translator, it is not this machine.
     */
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
}
