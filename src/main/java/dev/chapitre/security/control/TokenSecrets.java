package dev.chapitre.security.control;

import dev.chapitre.platform.control.Digests;
import java.util.Base64;
import java.util.HexFormat;

/** Random identifiers and secrets, and the one-way digest under which token secrets are stored. */
public final class TokenSecrets {

    private TokenSecrets() {
    }

    public static String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Digests.randomBytes(bytes));
    }

    public static String randomId() {
        return HexFormat.of().formatHex(Digests.randomBytes(12));
    }

    public static String sha256(String secret) {
        return HexFormat.of().formatHex(Digests.sha256(secret));
    }
}
