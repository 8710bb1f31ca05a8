package dev.chapitre.ratings.control;

import dev.chapitre.platform.control.Digests;
import dev.chapitre.platform.boundary.ClientAddress;
import java.util.HexFormat;

/**
 * Keyed hashes with the platform's rating secret: the client address's prefix (so that ratings
 * from one address can be counted without storing any address), and the CSRF token that belongs
 * to a visitor cookie.
 */
public final class ListenerKeys {

    private final byte[] key;

    public ListenerKeys(byte[] secret) {
        this.key = secret.clone();
    }

    public static byte[] newSecret() {
        return Digests.randomBytes(32);
    }

    /** A new visitor cookie value: 128 random bits. */
    public static String newVisitorId() {
        return HexFormat.of().formatHex(Digests.randomBytes(16));
    }

    public static boolean isVisitorId(String value) {
        return value != null && value.matches("[0-9a-f]{32}");
    }

    /** The same for every address of one IPv4 host or IPv6 /64 ({@link ClientAddress#networkOf(String)}). */
    public String addressHash(String address) {
        return hmac("address\0" + ClientAddress.networkOf(address));
    }

    public String csrfToken(String visitorId) {
        return hmac("csrf\0" + visitorId);
    }

    public boolean isCsrfToken(String visitorId, String token) {
        return Digests.sameSecret(csrfToken(visitorId), token);
    }

    private String hmac(String text) {
        return HexFormat.of().formatHex(Digests.hmacSha256(key, text));
    }
}
