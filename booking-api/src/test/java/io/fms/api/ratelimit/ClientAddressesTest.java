package io.fms.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressesTest {

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bookings");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheSocketPeerCountsAndForwardedForIsIgnored() {
        var clients = new ClientAddresses(List.of());
        assertThat(clients.clientOf(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8"));
        assertThat(clients.clientOf(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindTrustedProxiesTheRightmostUntrustedHopCounts() {
        var clients = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.10"));
        // The client forged the first entry; our proxies appended the real one and their own.
        assertThat(clients.clientOf(from("10.1.2.3", "1.1.1.1, 203.0.113.5", "192.0.2.10")))
                .isEqualTo("203.0.113.5");
        assertThat(clients.clientOf(from("10.1.2.3"))).isEqualTo("10.1.2.3");
        assertThat(clients.clientOf(from("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
        assertThat(clients.clientOf(from("10.1.2.3", "evil.example.com, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
    }

    @Test
    void ipv6CountsPerSlash64() {
        var clients = new ClientAddresses(List.of());
        assertThat(clients.clientOf(from("2001:db8:1:2:aaaa::1")))
                .isEqualTo(clients.clientOf(from("2001:db8:1:2:bbbb::2")))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(clients.clientOf(from("2001:db8:1:3::1"))).isNotEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void trustedProxiesMustBeAddressesOrBlocksNotNames() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("prefix");
    }
}
