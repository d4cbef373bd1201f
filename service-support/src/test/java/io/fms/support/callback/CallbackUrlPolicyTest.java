package io.fms.support.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** No network: literal addresses, {@code localhost}, and a fake resolver for names. */
class CallbackUrlPolicyTest {

    /** A resolver that knows a few names, so tests of "a name resolving to X" need no DNS. */
    private static final Map<String, String> ZONE = Map.of(
            "localhost", "127.0.0.1",
            "public.example", "93.184.215.14",
            "intranet.example", "10.1.2.3",
            "rebind.example", "172.20.0.5",
            "metadata.example", "169.254.169.254",
            "v6public.example", "2606:4700::6810:85e5",
            "v6ula.example", "fd12:3456::1");

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = ZONE.get(host);
        if (address == null) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }

    private final CallbackUrlPolicy strict = new CallbackUrlPolicy(false, CallbackUrlPolicyTest::resolve);
    private final CallbackUrlPolicy localDev = new CallbackUrlPolicy(true, CallbackUrlPolicyTest::resolve);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://public.example/hooks/fms",
                "http://public.example:8080/hooks?x=1",
                "HTTPS://PUBLIC.EXAMPLE/",
                "https://public.example./trailing-dot",
                "https://93.184.215.14/hook",
                "https://93.184.215.14.:443/trailing-dot-on-a-canonical-address",
                "https://[2606:4700::6810:85e5]/hook",
                "https://v6public.example/hook",
                "http://[2002:5db8:d70e::1]/6to4-of-a-public-address"
            })
    void acceptsPublicHttpAndHttpsUrls(String url) {
        assertThat(strict.check(url)).isEmpty();
    }

    @Test
    void acceptedVerdictCarriesTheCheckedAddressesAndDefaultPort() {
        var verdict = strict.evaluate("https://Public.Example/hooks");
        assertThat(verdict).isInstanceOf(CallbackUrlPolicy.Accepted.class);
        var accepted = (CallbackUrlPolicy.Accepted) verdict;
        assertThat(accepted.host()).isEqualTo("public.example");
        assertThat(accepted.port()).isEqualTo(443);
        assertThat(accepted.addresses()).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
        assertThat(((CallbackUrlPolicy.Accepted) strict.evaluate("http://public.example:8081/")).port())
                .isEqualTo(8081);
    }

    @Test
    void refusesWhatParsingRefusesWithTheParsersReason() {
        // Every kind of URL that parsing refuses is listed in CallbackUrlTest.
        assertThat(strict.check("file:///etc/passwd"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("http or https"));
        assertThat(strict.check("http://2130706433/"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not in dotted decimal"));
    }

    @Test
    void refusesNamesThatDoNotResolve() {
        assertThat(strict.check("http://nowhere.example/"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not resolve"));
    }

    @Test
    void refusesEmptyAndOverlongUrls() {
        assertThat(strict.check(null)).isPresent();
        assertThat(strict.check(" ")).isPresent();
        String longUrl = "https://public.example/" + "a".repeat(CallbackUrlPolicy.URL_LENGTH_MAX);
        assertThat(strict.check(longUrl)).hasValueSatisfying(r -> assertThat(r).contains("longer than"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // loopback
                "http://127.0.0.1/ | loopback",
                "http://127.255.10.1:9000/ | loopback",
                "http://[::1]/ | loopback",
                "http://localhost/ | loopback",
                "http://LOCALHOST.:3002/ | loopback",
                // unspecified / this network
                "http://0.0.0.0/ | unspecified",
                "http://[::]/ | unspecified",
                "http://0.1.2.3/ | unspecified",
                // private
                "http://10.0.0.1/ | private",
                "http://10.255.255.255/ | private",
                "http://172.16.0.1/ | private",
                "http://172.31.255.254/ | private",
                "http://192.168.1.1/ | private",
                // carrier-grade NAT (also Alibaba's metadata service)
                "http://100.64.0.1/ | carrier-grade NAT",
                "http://100.100.100.200/ | carrier-grade NAT",
                "http://100.127.255.255/ | carrier-grade NAT",
                // link-local and metadata
                "http://169.254.1.1/ | link-local",
                "http://169.254.169.254/latest/meta-data/ | metadata",
                "http://[fe80::1]/ | link-local",
                "http://[febf:ffff::1]/ | link-local",
                "http://[fd00:ec2::254]/ | metadata",
                "http://metadata.google.internal/computeMetadata/v1/ | metadata",
                "http://METADATA.GOOGLE.INTERNAL./ | metadata",
                "http://metadata/computeMetadata/v1/ | metadata",
                // unique-local and old site-local
                "http://[fc00::1]/ | unique-local",
                "http://[fdff:ffff::1]/ | unique-local",
                "http://[fec0::1]/ | site-local",
                // multicast, broadcast, reserved
                "http://224.0.0.1/ | multicast",
                "http://239.255.255.250/ | multicast",
                "http://[ff02::1]/ | multicast",
                "http://255.255.255.255/ | broadcast",
                "http://240.0.0.1/ | reserved",
                "http://192.0.0.192/ | IETF protocol",
                "http://198.18.0.1/ | benchmarking",
                // IPv4-mapped and IPv4-compatible IPv6 forms
                "http://[::ffff:127.0.0.1]/ | loopback",
                "http://[::ffff:7f00:1]/ | loopback",
                "http://[::ffff:10.0.0.1]/ | private",
                "http://[::ffff:169.254.169.254]/ | metadata",
                "http://[0:0:0:0:0:ffff:c0a8:0101]/ | private",
                "http://[::127.0.0.1]/ | IPv4-compatible form of 127.0.0.1, a loopback",
                "http://[::10.0.0.1]/ | IPv4-compatible form of 10.0.0.1, a private",
                // NAT64 and 6to4 embeddings
                "http://[64:ff9b::127.0.0.1]/ | NAT64 form of 127.0.0.1",
                "http://[64:ff9b::a9fe:a9fe]/ | NAT64 form of 169.254.169.254, a cloud metadata",
                "http://[64:ff9b::192.168.0.1]/ | NAT64 form of 192.168.0.1, a private",
                "http://[64:ff9b:1::1]/ | local-use NAT64",
                "http://[2002:7f00:1::1]/ | 6to4 form of 127.0.0.1",
                "http://[2002:a00:1::]/ | 6to4 form of 10.0.0.1",
                // names that resolve to refused addresses
                "http://intranet.example/ | intranet.example resolves to 10.1.2.3, a private",
                "http://rebind.example/ | private",
                "http://metadata.example/ | metadata",
                "http://v6ula.example/ | unique-local"
            })
    void refusesEveryKindOfInternalAddress(String url, String reasonPart) {
        assertThat(strict.check(url))
                .as(url)
                .hasValueSatisfying(reason -> assertThat(reason).contains(reasonPart));
    }

    @Test
    void aRealNameResolvingToLoopbackIsRefusedWithTheDefaultResolver() {
        // localhost resolves offline, through the hosts file: "a name resolving to a refused address".
        var policy = new CallbackUrlPolicy(false);
        assertThat(policy.check("http://localhost:3002/hook"))
                .hasValueSatisfying(reason -> assertThat(reason).contains("localhost resolves to"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:4000/hook",
                "http://[::1]:4000/hook",
                "http://localhost:4000/hook",
                "http://[::ffff:127.0.0.1]:4000/"
            })
    void allowLoopbackAcceptsLoopbackOnly(String url) {
        assertThat(localDev.check(url)).isEmpty();
        assertThat(new CallbackUrlPolicy(true).check("http://localhost:4000/hook"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/",
                "http://192.168.0.10/",
                "http://169.254.169.254/",
                "http://[fd00:ec2::254]/",
                "http://intranet.example/",
                "http://2130706433/",
                "http://127.1/",
                // Loopback reached through a translator is not the local machine: still refused.
                "http://[64:ff9b::127.0.0.1]/",
                "http://[::127.0.0.1]/",
                "http://[2002:7f00:1::1]/"
            })
    void allowLoopbackStillRefusesEverythingElse(String url) {
        assertThat(localDev.check(url)).as(url).isPresent();
    }

    @Test
    void checkAddressJudgesTheAddressActuallyConnectedTo() throws Exception {
        assertThat(strict.checkAddress(InetAddress.getByName("93.184.215.14"))).isEmpty();
        assertThat(strict.checkAddress(InetAddress.getByName("2606:4700::6810:85e5")))
                .isEmpty();
        assertThat(strict.checkAddress(InetAddress.getByName("127.0.0.1")))
                .hasValueSatisfying(r -> assertThat(r).isEqualTo("127.0.0.1, a loopback address"));
        assertThat(strict.checkAddress(InetAddress.getByName("10.9.8.7")))
                .hasValueSatisfying(r -> assertThat(r).contains("private"));
        assertThat(strict.checkAddress(InetAddress.getByName("169.254.169.254")))
                .hasValueSatisfying(r -> assertThat(r).contains("metadata"));
        assertThat(strict.checkAddress(null)).isPresent();
        assertThat(localDev.checkAddress(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(localDev.checkAddress(InetAddress.getByName("::1"))).isEmpty();
        assertThat(localDev.checkAddress(InetAddress.getByName("172.16.0.1"))).isPresent();
    }

    @Test
    void aNameWithOneBadAddressAmongGoodOnesIsRefused() {
        var policy = new CallbackUrlPolicy(false, host ->
                new InetAddress[] {InetAddress.getByName("93.184.215.14"), InetAddress.getByName("192.168.1.20")});
        assertThat(policy.check("https://mixed.example/"))
                .hasValueSatisfying(r -> assertThat(r).contains("192.168.1.20, a private address"));
    }

    @Test
    void resolverAnsweringNothingIsRefused() {
        var policy = new CallbackUrlPolicy(false, host -> new InetAddress[0]);
        assertThat(policy.check("https://empty.example/")).isPresent();
    }
}
