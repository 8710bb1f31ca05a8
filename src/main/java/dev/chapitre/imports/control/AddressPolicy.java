package dev.chapitre.imports.control;

import dev.chapitre.platform.entity.Message;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses an import may fetch from. A producer names the feed, and the feed names every
 * other address (audio, images, chapters): without this rule anyone with an account could make the
 * server read its own network (a cloud's metadata service, a database's HTTP port, the admin API
 * on loopback). Only public unicast addresses pass, unless the operator allows private ones.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why {@code address} is not public; empty when it is. */
    public static Optional<Message> whyNotPublic(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of(Message.of("imports.address.loopback"));
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(Message.of("imports.address.unspecified"));
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Message.of("imports.address.linkLocal"));
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(Message.of("imports.address.private"));
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Message.of("imports.address.multicast"));
        }
        var bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return whyNotPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return Optional.of(Message.of("imports.address.uniqueLocal"));
            }
            if (first == 0x20 && bytes[1] == 0x02) { // 6to4: an IPv4 address inside
                return whyNotPublicV4(new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]});
            }
            if (isPrefix(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})) { // NAT64
                return whyNotPublicV4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            }
            if (isPrefix(bytes, new byte[12])) { // ::a.b.c.d, the old IPv4-compatible form
                return whyNotPublicV4(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            }
        }
        return Optional.empty();
    }

    private static Optional<Message> whyNotPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (a == 0 || a == 127) {
            return Optional.of(a == 0 ? Message.of("imports.address.thisNetwork") : Message.of("imports.address.loopback"));
        }
        if (a == 10 || (a == 172 && second >= 16 && second < 32) || (a == 192 && second == 168)) {
            return Optional.of(Message.of("imports.address.private"));
        }
        if (a == 169 && second == 254) {
            return Optional.of(Message.of("imports.address.metadata"));
        }
        if (a == 100 && second >= 64 && second < 128) {
            return Optional.of(Message.of("imports.address.carrierNat"));
        }
        if (a == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return Optional.of(Message.of("imports.address.ietf"));
        }
        if (a == 198 && (second == 18 || second == 19)) {
            return Optional.of(Message.of("imports.address.benchmarking"));
        }
        if (a >= 224) {
            return Optional.of(a < 240 ? Message.of("imports.address.multicast") : Message.of("imports.address.reserved"));
        }
        return Optional.empty();
    }

    private static boolean isPrefix(byte[] bytes, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
