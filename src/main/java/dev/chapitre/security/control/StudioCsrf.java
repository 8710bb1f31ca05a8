package dev.chapitre.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The studio's anti-CSRF token: an HMAC keyed by the session's secret. Another site can make the
 * browser send the session cookie, but cannot read it, so it cannot compute the token; nothing
 * needs storing, and the token changes with every sign-in.
 */
public final class StudioCsrf {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "csrf";

    private StudioCsrf() {
    }

    public static String tokenFor(String sessionSecret) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sessionSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var digest = mac.doFinal("chapitre-studio-csrf".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static boolean matches(String sessionSecret, String presented) {
        return presented != null && MessageDigest.isEqual(tokenFor(sessionSecret).getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
