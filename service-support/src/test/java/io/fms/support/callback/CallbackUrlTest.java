package io.fms.support.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.support.callback.CallbackUrl.Literal;
import io.fms.support.callback.CallbackUrl.Malformed;
import io.fms.support.callback.CallbackUrl.Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing alone: no resolver, no judgement of addresses. */
class CallbackUrlTest {

    @Test
    void aNameIsLowerCasedWithoutItsTrailingDotAndKeepsHowItWasWritten() {
        assertThat(CallbackUrl.parse("HTTPS://Hooks.Example./fms")).isInstanceOfSatisfying(Name.class, name -> {
            assertThat(name.host()).isEqualTo("hooks.example");
            assertThat(name.written()).isEqualTo("Hooks.Example.");
            assertThat(name.port()).isEqualTo(443);
            assertThat(name.uri().getPath()).isEqualTo("/fms");
        });
        assertThat(((Name) CallbackUrl.parse("http://hooks.example:8080/")).port())
                .isEqualTo(8080);
    }

    @Test
    void addressesWrittenInTheUrlAreLiteralsNeverNames() {
        assertThat(CallbackUrl.parse("http://10.0.0.1/")).isInstanceOfSatisfying(Literal.class, literal -> {
            assertThat(literal.address().getHostAddress()).isEqualTo("10.0.0.1");
            assertThat(literal.port()).isEqualTo(80);
        });
        assertThat(CallbackUrl.parse("https://[FE80::1]:8443/")).isInstanceOfSatisfying(Literal.class, literal -> {
            assertThat(literal.host()).isEqualTo("fe80::1");
            assertThat(literal.address().getHostAddress()).isEqualTo("fe80:0:0:0:0:0:0:1");
            assertThat(literal.port()).isEqualTo(8443);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://hooks.example/ | http or https",
                "http://user@hooks.example/ | user name or password",
                "http://hooks.example:65536/ | invalid port",
                "http://[::1/ | not a valid URL",
                "http://[::1]x/ | not a valid URL",
                "http://0x7f.1/ | dotted decimal",
                "http://-hooks.example/ | not a valid host name",
                "http://ex%41mple.com/ | '%'"
            })
    void refusesWhatIsNotPlainHttpToAHost(String url, String reasonPart) {
        assertThat(CallbackUrl.parse(url))
                .as(url)
                .isInstanceOfSatisfying(
                        Malformed.class,
                        malformed -> assertThat(malformed.reason()).contains(reasonPart));
    }

    @Test
    void refusesHostNamesLongerThanDnsAllows() {
        String host = ("a".repeat(60) + ".").repeat(5) + "example";
        assertThat(CallbackUrl.parse("https://" + host + "/"))
                .isInstanceOfSatisfying(
                        Malformed.class,
                        malformed -> assertThat(malformed.reason()).contains("longer than 253"));
    }
}
