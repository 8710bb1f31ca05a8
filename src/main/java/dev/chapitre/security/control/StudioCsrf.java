package dev.chapitre.security.control;

import dev.chapitre.platform.control.Digests;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
        var digest = Digests.hmacSha256(sessionSecret.getBytes(StandardCharsets.UTF_8), "chapitre-studio-csrf");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    public static boolean matches(String sessionSecret, String presented) {
        return Digests.sameSecret(tokenFor(sessionSecret), presented);
    }
}
