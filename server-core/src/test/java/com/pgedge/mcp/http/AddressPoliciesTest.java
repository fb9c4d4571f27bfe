package com.pgedge.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listen addresses, CIDR blocks, trusted proxies and origins: the small parsers at the edge. */
class AddressPoliciesTest {

    @Test
    void listenAddressForms() {
        assertThat(ListenAddress.parse("127.0.0.1:8080")).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThat(ListenAddress.parse(":9000")).isEqualTo(new ListenAddress("0.0.0.0", 9000));
        assertThat(ListenAddress.parse("[::1]:8443")).isEqualTo(new ListenAddress("::1", 8443));
        assertThat(ListenAddress.parse(null)).isEqualTo(new ListenAddress("127.0.0.1", 8080));
        assertThatThrownBy(() -> ListenAddress.parse("8080")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> ListenAddress.parse("::1:80")).hasMessageContaining("brackets");
        assertThatThrownBy(() -> ListenAddress.parse("host:99999")).hasMessageContaining("range");
        assertThatThrownBy(() -> ListenAddress.parse("host:http")).hasMessageContaining("Invalid port");
    }

    @Test
    void cidrMatching() {
        Cidr ten = Cidr.parse("10.0.0.0/8");
        assertThat(ten.contains(Cidr.parseAddress("10.255.1.2"))).isTrue();
        assertThat(ten.contains(Cidr.parseAddress("11.0.0.1"))).isFalse();
        assertThat(ten.contains(Cidr.parseAddress("::1"))).isFalse();
        assertThat(Cidr.parse("192.168.1.7").contains(Cidr.parseAddress("192.168.1.7"))).isTrue();
        assertThat(Cidr.parse("192.168.1.7").contains(Cidr.parseAddress("192.168.1.8"))).isFalse();
        assertThat(Cidr.parse("fd00::/8").contains(Cidr.parseAddress("fd12:3456::1"))).isTrue();
        assertThat(Cidr.parse("10.1.2.3/12").contains(Cidr.parseAddress("10.15.0.1"))).isTrue();
        assertThatThrownBy(() -> Cidr.parse("example.com")).hasMessageContaining("trusted proxy");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("prefix");
        // Never resolves names.
        assertThat(Cidr.parseAddress("localhost")).isNull();
        assertThat(Cidr.parseAddress("1.2.3.4.5")).isNull();
        assertThat(Cidr.parseAddress("999.1.1.1")).isNull();
    }

    @Test
    void trustedProxyResolution() {
        TrustedProxies none = new TrustedProxies(List.of());
        InetSocketAddress proxy = new InetSocketAddress("10.0.0.5", 4000);
        assertThat(none.clientAddress(proxy, List.of("1.2.3.4"), "5.6.7.8")).isEqualTo("10.0.0.5");

        TrustedProxies trusted = new TrustedProxies(List.of("10.0.0.0/8"));
        assertThat(trusted.clientAddress(proxy, List.of("1.2.3.4"), null)).isEqualTo("1.2.3.4");
        assertThat(trusted.clientAddress(proxy, List.of("6.6.6.6, 1.2.3.4, 10.0.0.9"), null)).isEqualTo("1.2.3.4");
        assertThat(trusted.clientAddress(proxy, List.of("6.6.6.6", "1.2.3.4"), null)).isEqualTo("1.2.3.4");
        assertThat(trusted.clientAddress(proxy, List.of("10.0.0.7, 10.0.0.8"), null)).isEqualTo("10.0.0.7");
        assertThat(trusted.clientAddress(proxy, List.of("1.2.3.4, garbage"), null)).isEqualTo("10.0.0.5");
        assertThat(trusted.clientAddress(proxy, List.of(), "5.6.7.8")).isEqualTo("5.6.7.8");
        assertThat(trusted.clientAddress(proxy, List.of(), "not-an-ip")).isEqualTo("10.0.0.5");
        InetSocketAddress outsider = new InetSocketAddress("8.8.8.8", 4000);
        assertThat(trusted.clientAddress(outsider, List.of("1.2.3.4"), "5.6.7.8")).isEqualTo("8.8.8.8");
    }

    @Test
    void originPolicy() {
        OriginPolicy policy = new OriginPolicy(List.of("https://App.Example.com/"));
        assertThat(policy.allows(null)).isTrue();
        assertThat(policy.allows("https://app.example.com")).isTrue();
        assertThat(policy.allows("http://app.example.com")).isFalse();
        assertThat(policy.allows("https://app.example.com:8443")).isFalse();
        assertThat(policy.allows("http://localhost")).isTrue();
        assertThat(policy.allows("https://127.0.0.1:9999")).isTrue();
        assertThat(policy.allows("http://[::1]:3000")).isTrue();
        assertThat(policy.allows("http://localhost.evil.com")).isFalse();
        assertThat(policy.allows("http://user@localhost")).isFalse();
        assertThat(policy.allows("file://")).isFalse();
        assertThat(policy.allows("null")).isFalse();
        assertThat(policy.allows("chrome-extension://abc")).isFalse();
        assertThat(policy.allows("http://localhost/path")).isFalse();
    }
}
