package dev.chapitre.ratings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AddressPrefixTest {

    @Test
    void anIpv4HostIsItsAddress() {
        assertEquals("192.0.2.7", AddressPrefix.of("192.0.2.7"));
        assertEquals("192.0.2.7", AddressPrefix.of("::ffff:192.0.2.7"), "the same host seen through an IPv6 socket");
    }

    @Test
    void anIpv6HostCountsAsItsWholeSlash64() {
        assertEquals(AddressPrefix.of("2001:db8:1:2::1"), AddressPrefix.of("2001:db8:1:2:ffff:ffff:ffff:fffe"));
        assertEquals("20010db800010002::/64", AddressPrefix.of("2001:DB8:1:2::1"));
        assertNotEquals(AddressPrefix.of("2001:db8:1:2::1"), AddressPrefix.of("2001:db8:1:3::1"));
    }

    @Test
    void whatIsNotAnAddressIsItsOwnKeyAndNeverLookedUp() {
        assertEquals("not:an:address:at:all:x", AddressPrefix.of("not:an:address:at:all:x"));
        assertEquals("unknown", AddressPrefix.of("unknown"));
    }
}
