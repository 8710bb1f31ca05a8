package dev.chapitre.ratings.control;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The part of a client address that one household or device controls: an IPv4 address whole,
 * an IPv6 address's /64 (a host picks any address in its /64 at will, so counting single IPv6
 * addresses would count nothing).
 */
public final class AddressPrefix {

    private AddressPrefix() {
    }

    /** {@code 192.0.2.7}, {@code 20010db800010002::/64}; anything that is not an address literal is its own key. */
    public static String of(String address) {
        if (!address.contains(":")) {
            return address;
        }
        try {
            var parsed = InetAddress.getByName(address); // a literal (it has a colon): no DNS lookup
            return parsed instanceof Inet6Address
                    ? HexFormat.of().formatHex(parsed.getAddress(), 0, 8) + "::/64"
                    : parsed.getHostAddress(); // ::ffff:192.0.2.7 is 192.0.2.7
        } catch (UnknownHostException notALiteral) {
            return address;
        }
    }
}
