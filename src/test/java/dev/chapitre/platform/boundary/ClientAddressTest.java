package dev.chapitre.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    static HttpServletRequest request(String remote, String forwardedFor) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getRemoteAddr", remote);
        return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> method.getName().equals("getHeader")
                        ? ("X-Forwarded-For".equals(args[0]) ? forwardedFor : null)
                        : answers.get(method.getName()));
    }

    static ClientAddress trusting(String proxies) {
        var clients = new ClientAddress();
        clients.trustedProxies = Optional.ofNullable(proxies);
        return clients;
    }

    @Test
    void forwardedForIsBelievedOnlyFromATrustedProxy() {
        assertEquals("198.51.100.9", trusting(null).of(request("198.51.100.9", "203.0.113.7")));
        assertEquals("203.0.113.7", trusting("127.0.0.1").of(request("127.0.0.1", "203.0.113.7")));
        assertEquals("203.0.113.7", trusting("127.0.0.1, 10.0.0.2").of(request("127.0.0.1", "1.2.3.4, 203.0.113.7, 10.0.0.2")));
        assertEquals("127.0.0.1", trusting("127.0.0.1").of(request("127.0.0.1", null)));
    }

    @Test
    void anIpv4HostIsItsAddressWhicheverSocketSawIt() {
        assertEquals("192.0.2.7", ClientAddress.networkOf("192.0.2.7"));
        assertEquals("192.0.2.7", ClientAddress.networkOf("::ffff:192.0.2.7"), "the same host seen through an IPv6 socket");
    }

    @Test
    void anIpv6HostCountsAsItsWholeSlash64() {
        assertEquals(ClientAddress.networkOf("2001:db8:1:2::1"), ClientAddress.networkOf("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertEquals("20010db800010002::/64", ClientAddress.networkOf("2001:DB8:1:2::1"));
        org.junit.jupiter.api.Assertions.assertNotEquals(ClientAddress.networkOf("2001:db8:1:2::1"), ClientAddress.networkOf("2001:db8:1:3::1"));
    }

    @Test
    void whatIsNotAnAddressIsItsOwnKeyAndNeverLookedUp() {
        assertEquals("not:an:address:at:all:x", ClientAddress.networkOf("not:an:address:at:all:x"));
        assertEquals("unknown", ClientAddress.networkOf("unknown"));
    }
}
