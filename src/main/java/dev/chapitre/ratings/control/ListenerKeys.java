package dev.chapitre.ratings.control;

import dev.chapitre.platform.boundary.ClientAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes with the platform's rating secret: the client address's prefix (so that ratings
 * from one address can be counted without storing any address), and the CSRF token that belongs
 * to a visitor cookie.
 */
public final class ListenerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;

    public ListenerKeys(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public static byte[] newSecret() {
        var secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** A new visitor cookie value: 128 random bits. */
    public static String newVisitorId() {
        var id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
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
        return token != null && MessageDigest.isEqual(csrfToken(visitorId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String hmac(String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
