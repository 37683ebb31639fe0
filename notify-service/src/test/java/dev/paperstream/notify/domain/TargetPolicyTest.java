package dev.paperstream.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SSRF guard against the URLs an attacker would try, resolved by a resolver of the test's own. */
class TargetPolicyTest {

    /** Names as a hostile DNS would answer them; address literals are parsed, never looked up. */
    private static final Map<String, String> DNS = Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.1.2.3",
            "metadata.example.com", "169.254.169.254",
            "mapped.example.com", "::ffff:127.0.0.1",
            "ula.example.com", "fd12:3456:789a::1",
            "v6.example.com", "2606:2800:220:1:248:1893:25c8:1946");

    private static final HostResolver RESOLVER = host -> {
        String address = DNS.get(host);
        if (address != null) {
            return new InetAddress[] { InetAddress.getByName(address) };
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };

    private final TargetPolicy publicOnly = new TargetPolicy(false, RESOLVER);
    private final TargetPolicy privateAllowed = new TargetPolicy(true, RESOLVER);

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook",
            "https://127.0.0.2:8443/hook",
            "https://[::1]/hook",
            "https://10.0.0.1/hook",
            "https://172.16.5.4/hook",
            "https://192.168.1.1/hook",
            "https://169.254.169.254/latest/meta-data/",
            "https://100.64.0.1/hook",
            "https://0.0.0.0/hook",
            "https://224.0.0.1/hook",
            "https://255.255.255.255/hook",
            "https://[::ffff:127.0.0.1]/hook",
            "https://[::ffff:a9fe:a9fe]/hook",
            "https://[::ffff:10.0.0.1]/hook",
            "https://[64:ff9b::a00:1]/hook",
            "https://[2002:7f00:1::]/hook",
            "https://[fd00::1]/hook",
            "https://[fe80::1]/hook",
            "https://[ff02::1]/hook",
            "https://[::]/hook",
            "https://internal.example.com/hook",
            "https://metadata.example.com/hook",
            "https://mapped.example.com/hook",
            "https://ula.example.com/hook" })
    void refuses_loopback_private_link_local_multicast_and_their_ipv6_disguises(String url) {
        assertThatThrownBy(() -> publicOnly.check(url))
                .isInstanceOf(RefusedTargetException.class)
                .isNotInstanceOf(UnresolvedHostException.class)
                .hasMessageContaining("webhooks go to public internet addresses only");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://0x7f000001/hook|looks like an address",
            "https://2130706433/hook|looks like an address",
            "https://127.1/hook|no host that can be read",
            "https://0177.0.0.1/hook|looks like an address",
            "https://017700000001/hook|looks like an address",
            "http://hooks.example.com/hook|must be an https URL",
            "file:///etc/passwd|must be an https URL",
            "gopher://hooks.example.com/|must be an https URL",
            "ftp://hooks.example.com/|must be an https URL",
            "https://user:pass@hooks.example.com/hook|must not carry a user name",
            "https://hooks.example.com@127.0.0.1/hook|must not carry a user name",
            "https://hooks.example.com%40127.0.0.1/hook|no host that can be read",
            "https:hooks.example.com|must name a host",
            "https:///hook|must name a host",
            "https://hooks.example.com/hook#part|must not have a fragment",
            "//hooks.example.com/hook|must be an https URL",
            "https://nowhere.invalid/hook|does not resolve" })
    void refuses_odd_address_forms_other_schemes_and_userinfo_tricks(String url, String reason) {
        assertThatThrownBy(() -> publicOnly.check(url))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void refuses_a_blank_or_overlong_url() {
        assertThatThrownBy(() -> publicOnly.check(" ")).hasMessageContaining("url is required");
        assertThatThrownBy(() -> publicOnly.check("https://hooks.example.com/" + "a".repeat(2000)))
                .hasMessageContaining("at most 2000 characters");
    }

    @Test
    void takes_a_public_https_url_and_pins_the_address_it_checked() {
        WebhookTarget target = publicOnly.check("https://Hooks.Example.com/papers/in?token=abc");
        assertThat(target.host()).isEqualTo("hooks.example.com");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.https()).isTrue();
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.requestTarget()).isEqualTo("/papers/in?token=abc");

        WebhookTarget v6 = publicOnly.check("https://v6.example.com:8443");
        assertThat(v6.port()).isEqualTo(8443);
        assertThat(v6.requestTarget()).isEqualTo("/");
    }

    @Test
    void with_private_targets_allowed_takes_loopback_and_plain_http_but_still_no_userinfo_or_file() {
        WebhookTarget local = privateAllowed.check("http://127.0.0.1:9999/hook");
        assertThat(local.https()).isFalse();
        assertThat(local.port()).isEqualTo(9999);
        assertThat(privateAllowed.check("https://[::1]/hook").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> privateAllowed.check("http://user@127.0.0.1/hook"))
                .hasMessageContaining("must not carry a user name");
        assertThatThrownBy(() -> privateAllowed.check("file:///etc/passwd")).hasMessageContaining("https URL or http URL");
    }

    @Test
    void a_name_that_resolves_to_public_and_private_addresses_is_refused() {
        HostResolver split = host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1") };
        assertThatThrownBy(() -> new TargetPolicy(false, split).check("https://hooks.example.com/"))
                .hasMessageContaining("127.0.0.1, a loopback address");
    }
}
