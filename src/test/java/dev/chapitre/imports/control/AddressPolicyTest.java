package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "0.0.0.0", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.64.0.1", "192.0.0.8", "198.18.0.1", "224.0.0.1", "255.255.255.255", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1",
            "::127.0.0.1", "ff02::1"})
    void privateLoopbackLinkLocalAndReservedAddressesAreRefused(String address) throws Exception {
        assertTrue(AddressPolicy.whyNotPublic(InetAddress.getByName(address)).isPresent(), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "172.32.0.1", "172.15.255.255", "100.128.0.1", "8.8.8.8", "2001:4860:4860::8888",
            "2a00:1450:4007:80e::200e", "64:ff9b::808:808"})
    void publicAddressesPass(String address) throws Exception {
        assertEquals(Optional.empty(), AddressPolicy.whyNotPublic(InetAddress.getByName(address)), address);
    }

    @Test
    void theOperatorAllowsAllSomeOrNone() throws Exception {
        var loopback = InetAddress.getByName("127.0.0.1");
        var lan = InetAddress.getByName("192.168.4.20");
        assertTrue(PrivateAllowance.parse("false").whyRefused(loopback).isPresent());
        assertTrue(PrivateAllowance.parse("").whyRefused(loopback).isPresent());
        assertEquals(Optional.empty(), PrivateAllowance.parse("true").whyRefused(loopback));
        var some = PrivateAllowance.parse("127.0.0.1, 192.168.4.0/24");
        assertEquals(Optional.empty(), some.whyRefused(loopback));
        assertEquals(Optional.empty(), some.whyRefused(lan));
        assertTrue(some.whyRefused(InetAddress.getByName("127.0.0.2")).isPresent());
        assertTrue(some.whyRefused(InetAddress.getByName("192.168.5.1")).isPresent());
        assertEquals(Optional.empty(), some.whyRefused(InetAddress.getByName("8.8.8.8")), "public addresses pass anyway");
        var wrong = assertThrows(IllegalArgumentException.class, () -> PrivateAllowance.parse("intranet.local"));
        assertTrue(wrong.getMessage().contains("intranet.local"));
        assertThrows(IllegalArgumentException.class, () -> PrivateAllowance.parse("10.0.0.0/40"));
    }
}
