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
                "file:///etc/passwd | http or https",
                "ftp://public.example/x | http or https",
                "gopher://public.example:70/x | http or https",
                "jar:http://public.example/x.jar!/ | http or https",
                "javascript:alert(1) | http or https",
                "dict://public.example:11211/ | http or https",
                "//public.example/no-scheme | http or https",
                "public.example/relative | http or https",
                "http:///no-host | no host",
                "http://:8080/ | no host",
                "http://user:pass@public.example/ | user name or password",
                "http://public.example@10.0.0.1/ | user name or password",
                "http://evil@10.0.0.1/ | user name or password",
                "http://user@hooks.example/ | user name or password",
                "http://public.example:0/ | invalid port",
                "http://public.example:99999/ | invalid port",
                "http://public.example:80a/ | invalid port",
                "http://hooks.example:65536/ | invalid port",
                "http://exa_mple.com/ | not a valid host name",
                "http://-hooks.example/ | not a valid host name",
                "http://ex%41mple.com/ | '%'",
                "http://[fe80::1%25eth0]/ | '%'",
                "http://bücher.example/ | ASCII",
                "'http://exa mple.com/' | not a valid URL",
                "http://[::1/ | not a valid URL",
                "http://[::1]x/ | not a valid URL",
                // non-canonical IPv4 spellings: decimal, hex, octal, short, overlong
                "http://2130706433/ | not in dotted decimal",
                "http://0x7f000001/ | not in dotted decimal",
                "http://0x7f.0.0.1/ | not in dotted decimal",
                "http://0x7f.1/ | not in dotted decimal",
                "http://0177.0.0.1/ | not in dotted decimal",
                "http://0177.0000.0000.0001/ | not in dotted decimal",
                "http://127.1/ | not in dotted decimal",
                "http://127.0.1/ | not in dotted decimal",
                "http://10.1/ | not in dotted decimal",
                "http://3232235777/ | not in dotted decimal",
                "http://0xc0a80101/ | not in dotted decimal",
                "http://1.2.3.4.5/ | not in dotted decimal",
                "http://256.1.1.1/ | not in dotted decimal",
                "http://08.8.8.8/ | not in dotted decimal",
                "http://0x/ | not in dotted decimal",
                "http://public.example.0x7f000001/ | not in dotted decimal"
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
