package dev.chapitre.security.control;

import dev.chapitre.platform.control.Digests;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HexFormat;
import java.util.Map;

/** PBKDF2 password hashes (Jakarta Security's implementation), with OWASP's iteration count. */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    /** A hash nobody knows the password of, checked when the email is unknown (see {@link #matchesNone}). */
    private String unknownAccountHash;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        unknownAccountHash = hash(HexFormat.of().formatHex(Digests.randomBytes(32)));
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /**
     * Spends the time of one real check and answers false: a sign-in with an unknown email must
     * take as long as one with a wrong password, or the timing tells which emails have accounts.
     */
    public boolean matchesNone(String password) {
        hash.verify(password.toCharArray(), unknownAccountHash);
        return false;
    }
}
