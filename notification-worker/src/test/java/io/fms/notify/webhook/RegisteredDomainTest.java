package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which hosts share one concurrency limit: those of one registered domain, by the public suffix list. */
class RegisteredDomainTest {

    @Test
    void hostsUnderOneRegisteredDomainShareItsKey() {
        for (var host : Map.of(
                        "a.evil.co.uk", "evil.co.uk",
                        "b.c.evil.co.uk", "evil.co.uk",
                        "EVIL.co.UK", "evil.co.uk",
                        "hooks.evil.co.uk.", "evil.co.uk",
                        "a.evil.com", "evil.com",
                        "x.y.z.evil.com", "evil.com",
                        "hooks.receiver.co.uk", "receiver.co.uk")
                .entrySet()) {
            assertThat(RegisteredDomain.of(host.getKey())).as(host.getKey()).isEqualTo(host.getValue());
        }
    }

    @Test
    void twoOwnersUnderOneSuffixKeepTwoKeys() {
        // github.io is on the list's private part: each of its sub-domains has its own owner.
        assertThat(RegisteredDomain.of("alice.github.io")).isEqualTo("alice.github.io");
        assertThat(RegisteredDomain.of("hooks.bob.github.io")).isEqualTo("bob.github.io");
        assertThat(RegisteredDomain.of("a.evil.co.uk")).isNotEqualTo(RegisteredDomain.of("a.good.co.uk"));
    }

    @Test
    void addressesSuffixesAndSingleLabelsCountAsThemselves() {
        for (String host : new String[] {
            "93.184.215.14", "[2001:db8::1]", "[::ffff:127.0.0.1]", "co.uk", "github.io", "com", "localhost", "intranet"
        }) {
            assertThat(RegisteredDomain.of(host)).as(host).isEqualTo(host);
        }
        assertThat(RegisteredDomain.of("93.184.215.14")).isNotEqualTo(RegisteredDomain.of("93.184.215.15"));
    }

    @Test
    void aTopLevelDomainTheListDoesNotKnowCountsByItsLastTwoLabels() {
        assertThat(RegisteredDomain.of("a.tarpit.example")).isEqualTo("tarpit.example");
        assertThat(RegisteredDomain.of("b.c.tarpit.example")).isEqualTo("tarpit.example");
        assertThat(RegisteredDomain.of("tarpit.example")).isEqualTo("tarpit.example");
    }

    @Test
    void whatIsNoDomainNameCountsAsItself() {
        assertThat(RegisteredDomain.of("under_score..evil.com")).isEqualTo("under_score..evil.com");
    }
}
