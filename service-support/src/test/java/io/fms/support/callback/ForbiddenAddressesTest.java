package io.fms.support.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses alone, as the connect-time check sees them: no URL, no resolver. */
class ForbiddenAddressesTest {

    private final ForbiddenAddresses strict = new ForbiddenAddresses(false);
    private final ForbiddenAddresses localDev = new ForbiddenAddresses(true);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "127.0.0.1 | a loopback address",
                "::1 | a loopback address",
                "0.0.0.0 | an unspecified (\"this network\") address",
                ":: | an unspecified address",
                "172.16.0.1 | a private address",
                "100.64.0.1 | a shared (carrier-grade NAT) address",
                "169.254.169.254 | a cloud metadata address",
                "fd00:ec2::254 | a cloud metadata address",
                "169.254.1.1 | a link-local address",
                "fe80::1 | a link-local address",
                "fec0::1 | a site-local address",
                "fc00::1 | a unique-local address",
                "239.255.255.250 | a multicast address",
                "ff02::1 | a multicast address",
                "255.255.255.255 | the broadcast address",
                "240.0.0.1 | a reserved address",
                "192.0.0.192 | an IETF protocol address",
                "198.19.0.1 | a benchmarking network address",
                "64:ff9b:1::1 | a local-use NAT64 address",
                "::10.0.0.1 | an IPv4-compatible form of 10.0.0.1, a private address",
                "64:ff9b::a9fe:a9fe | a NAT64 form of 169.254.169.254, a cloud metadata address",
                "2002:7f00:1::1 | a 6to4 form of 127.0.0.1, a loopback address"
            })
    void namesWhatMakesAnAddressForbidden(String address, String kind) throws UnknownHostException {
        assertThat(strict.kindOf(InetAddress.getByName(address))).as(address).hasValue(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::6810:85e5", "2002:5db8:d70e::1"})
    void publicUnicastAddressesAreNotForbidden(String address) throws UnknownHostException {
        assertThat(strict.kindOf(InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void allowingLoopbackLetsOnlyPlainLoopbackThrough() throws UnknownHostException {
        assertThat(localDev.kindOf(InetAddress.getByName("127.10.0.1"))).isEmpty();
        assertThat(localDev.kindOf(InetAddress.getByName("::1"))).isEmpty();
        // An IPv4-mapped address is the same socket as the IPv4 one: the JDK hands it over as 127.0.0.1.
        assertThat(localDev.kindOf(InetAddress.getByName("::ffff:127.0.0.1"))).isEmpty();
        assertThat(localDev.kindOf(InetAddress.getByName("::127.0.0.1"))).isPresent();
        assertThat(localDev.kindOf(InetAddress.getByName("64:ff9b::127.0.0.1"))).isPresent();
        assertThat(localDev.kindOf(InetAddress.getByName("10.0.0.1"))).hasValue("a private address");
    }

    @Test
    void metadataHostNames() {
        assertThat(ForbiddenAddresses.isMetadataHostName("metadata.google.internal"))
                .isTrue();
        assertThat(ForbiddenAddresses.isMetadataHostName("metadata")).isTrue();
        assertThat(ForbiddenAddresses.isMetadataHostName("metadata.example")).isFalse();
    }
}
