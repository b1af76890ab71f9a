package uk.nhs.pathways.referral.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a webhook may go: the URL rules, every refused address range, and the local-demo exception. */
class CallbackUrlTest {

    static final boolean PRODUCTION = false;
    static final boolean LOCAL_DEMO = true;

    /** Parses, resolves the (literal) host without DNS, and decides, as registration and delivery do. */
    static InetAddress check(String url, boolean allowInsecureLocal) {
        CallbackUrl callback = CallbackUrl.parse(url, allowInsecureLocal);
        try {
            return callback.target(List.of(InetAddress.getAllByName(callback.host())), allowInsecureLocal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals)
                .map(a -> {
                    try {
                        return InetAddress.getByName(a);
                    } catch (UnknownHostException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
    }

    @ParameterizedTest(name = "{0} is refused as {1}")
    @CsvSource({
        "0.0.0.0, an unspecified address",
        "0.1.2.3, an unspecified address",
        "10.0.0.1, a private address",
        "10.255.255.255, a private address",
        "100.64.0.1, a carrier-grade NAT (CGNAT) address",
        "100.127.255.254, a carrier-grade NAT (CGNAT) address",
        "127.0.0.1, a loopback address",
        "127.255.255.254, a loopback address",
        "169.254.169.254, a link-local address",
        "172.16.0.1, a private address",
        "172.31.255.254, a private address",
        "192.0.0.8, a reserved address",
        "192.0.2.10, a documentation address",
        "192.168.1.1, a private address",
        "198.18.0.1, a reserved address",
        "198.19.255.254, a reserved address",
        "198.51.100.7, a documentation address",
        "203.0.113.9, a documentation address",
        "224.0.0.251, a multicast address",
        "239.255.255.250, a multicast address",
        "240.0.0.1, a reserved address",
        "255.255.255.255, a reserved address"
    })
    void refusesEveryIpv4RangeThatIsNotPublic(String address, String why) {
        assertThatThrownBy(() -> check("https://" + address + "/hooks", PRODUCTION))
                .isInstanceOf(RefusedCallback.class)
                .hasMessage("has a host that resolves to " + why);
    }

    @ParameterizedTest(name = "[{0}] is refused as {1}")
    @CsvSource({
        "::, an unspecified address",
        "::1, a loopback address",
        "fe80::1, a link-local address",
        "febf:ffff::1, a link-local address",
        "fc00::1, a unique-local address",
        "fd00:ec2::254, a unique-local address",
        "fec0::1, a site-local address",
        "ff02::1, a multicast address",
        "ff05::1:3, a multicast address",
        "::7f00:1, an IPv4-compatible address",
        "64:ff9b::a00:1, a NAT64 address",
        "2002:a00:1::1, a 6to4 address",
        "2001:0:4136:e378::1, a Teredo address",
        "2001:db8::1, a documentation address",
        "2001:2::1, a reserved address",
        "100::1, not a global unicast address",
        "4000::1, not a global unicast address"
    })
    void refusesEveryIpv6RangeThatIsNotGlobalUnicast(String address, String why) {
        assertThatThrownBy(() -> check("https://[" + address + "]/hooks", PRODUCTION))
                .isInstanceOf(RefusedCallback.class)
                .hasMessage("has a host that resolves to " + why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "::ffff:7f00:1"})
    void refusesIpv4MappedIpv6AddressesWhatEverTheyCarry(String address) {
        assertThatThrownBy(() -> check("https://[" + address + "]/hooks", LOCAL_DEMO))
                .isInstanceOf(RefusedCallback.class)
                .hasMessage("must not be an IPv4-mapped IPv6 address");
    }

    @Test
    void refusesAnIpv4MappedAddressThatAResolverReturns() throws UnknownHostException {
        // A resolver's ::ffff:a.b.c.d reaches the check as the IPv4 address it carries.
        CallbackUrl url = CallbackUrl.parse("https://hooks.example.org/", PRODUCTION);
        assertThatThrownBy(() -> url.target(addresses("::ffff:169.254.169.254"), PRODUCTION))
                .hasMessage("has a host that resolves to a link-local address");
        assertThat(ReceiverAddresses.refusal(InetAddress.getByName("::ffff:10.1.1.1")))
                .contains("a private address");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8.8.8.8",
                "1.1.1.1",
                "100.63.255.255",
                "100.128.0.1",
                "172.15.255.255",
                "172.32.0.1",
                "192.0.3.1",
                "198.20.0.1",
                "223.255.255.254",
                "[2001:4860:4860::8888]",
                "[2a00:1450:4009:81f::200e]",
                "[2606:4700::1111]"
            })
    void allowsPublicAddressesOverHttps(String host) {
        assertThat(check("https://" + host + "/hooks", PRODUCTION)).isNotNull();
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsRefusedNotJustTheFirst() {
        CallbackUrl url = CallbackUrl.parse("https://hooks.example.org/pathways", PRODUCTION);
        assertThat(url.target(addresses("8.8.8.8", "2001:4860:4860::8888"), PRODUCTION))
                .isEqualTo(addresses("8.8.8.8").getFirst());
        assertThatThrownBy(() -> url.target(addresses("8.8.8.8", "10.0.0.7"), PRODUCTION))
                .hasMessage("has a host that resolves to a private address");
        assertThatThrownBy(() -> url.target(List.of(), PRODUCTION)).hasMessage("has a host that does not resolve");
    }

    @Test
    void theSameNameIsRefusedWhenItResolvesSomewherePrivateLater() {
        // Checked again before every delivery: a public answer at registration proves nothing later.
        CallbackUrl url = CallbackUrl.parse("https://hooks.example.org/pathways", PRODUCTION);
        assertThat(url.target(addresses("93.184.215.14"), PRODUCTION)).isNotNull();
        assertThatThrownBy(() -> url.target(addresses("169.254.169.254"), PRODUCTION))
                .hasMessage("has a host that resolves to a link-local address");
    }

    @Test
    void productionRefusesHttpAndLoopbackEvenFromThisMachine() {
        assertThatThrownBy(() -> check("http://8.8.8.8/hooks", PRODUCTION)).hasMessage("must be an https URL");
        assertThatThrownBy(() -> check("http://127.0.0.1:9000/hooks", PRODUCTION))
                .hasMessage("must be an https URL");
        assertThatThrownBy(() -> check("https://127.0.0.1:9000/hooks", PRODUCTION))
                .hasMessage("has a host that resolves to a loopback address");
        assertThatThrownBy(() -> check("https://[::1]:9000/hooks", PRODUCTION))
                .hasMessage("has a host that resolves to a loopback address");
    }

    @Test
    void theLocalDemoAllowsLoopbackOnlyAndStillNeedsHttpsElsewhere() {
        assertThat(check("http://127.0.0.1:9000/hooks", LOCAL_DEMO).isLoopbackAddress())
                .isTrue();
        assertThat(check("http://[::1]:9000/hooks", LOCAL_DEMO).isLoopbackAddress())
                .isTrue();
        assertThat(check("https://127.0.0.1:9443/hooks", LOCAL_DEMO).isLoopbackAddress())
                .isTrue();
        assertThatThrownBy(() -> check("http://8.8.8.8/hooks", LOCAL_DEMO))
                .hasMessageStartingWith("must be an https URL");
        assertThatThrownBy(() -> check("https://10.0.0.1/hooks", LOCAL_DEMO))
                .hasMessage("has a host that resolves to a private address");
        CallbackUrl mixed = CallbackUrl.parse("http://hooks.example.org/", LOCAL_DEMO);
        assertThatThrownBy(() -> mixed.target(addresses("127.0.0.1", "10.0.0.1"), LOCAL_DEMO))
                .hasMessageStartingWith("must be an https URL");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://user:secret@hooks.example.org/ | must not carry credentials (user@host)",
                "https://hooks.example.org/#here | must not have a fragment (#...)",
                "ftp://hooks.example.org/ | must be an https URL",
                "/pathways/hooks | must be an absolute https URL",
                "mailto:hooks@example.org | must be an absolute https URL",
                "https://0177.0.0.1/ | must write an IPv4 address as four decimal numbers (a.b.c.d)",
                "https://2130706433/ | must write an IPv4 address as four decimal numbers (a.b.c.d)",
                "https://0x7f000001/ | must write an IPv4 address as four decimal numbers (a.b.c.d)",
                "https://127.1/ | must name a valid host", // java.net.URI finds no host in these
                "https://0x7f.0.0.1/ | must name a valid host",
                "https://[fe80::1%25eth0]/ | must not name a network interface (%zone)",
                "https://hooks_example.org/ | must name a valid host",
                "https://hooks.example.org:0/ | has no valid port",
                "https://hooks.example.org:70000/ | has no valid port",
                "https://exa mple.org/ | is not a valid URL"
            })
    void refusesMalformedOrDisguisedUrls(String url, String why) {
        assertThatThrownBy(() -> CallbackUrl.parse(url, LOCAL_DEMO))
                .isInstanceOf(RefusedCallback.class)
                .hasMessage(why);
    }

    @Test
    void refusesBlankAndOverlongUrls() {
        assertThatThrownBy(() -> CallbackUrl.parse(" ", PRODUCTION)).hasMessage("is required");
        assertThatThrownBy(() -> CallbackUrl.parse("https://hooks.example.org/" + "a".repeat(2000), PRODUCTION))
                .hasMessage("is longer than 2000 characters");
    }

    @Test
    void keepsTheHostPortAndRequestTargetForTheRequest() {
        CallbackUrl url = CallbackUrl.parse("https://Hooks.Example.org:8443/fcp/in?practice=B86030", PRODUCTION);
        assertThat(url.https()).isTrue();
        assertThat(url.host()).isEqualTo("hooks.example.org");
        assertThat(url.port()).isEqualTo(8443);
        assertThat(url.explicitPort()).isEqualTo(8443);
        assertThat(url.requestTarget()).isEqualTo("/fcp/in?practice=B86030");

        CallbackUrl plain = CallbackUrl.parse("https://hooks.example.org", PRODUCTION);
        assertThat(plain.port()).isEqualTo(443);
        assertThat(plain.explicitPort()).isEqualTo(-1);
        assertThat(plain.requestTarget()).isEqualTo("/");

        assertThat(CallbackUrl.parse("https://[2001:4860:4860::8888]:8443/x", PRODUCTION)
                        .host())
                .isEqualTo("2001:4860:4860::8888");
    }
}
