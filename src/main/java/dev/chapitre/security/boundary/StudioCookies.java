package dev.chapitre.security.boundary;

import dev.chapitre.platform.control.Digests;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.security.control.TokenSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;

/**
 * The studio's cookies: the session ({@value #SESSION}) and the sign-in form's own token
 * ({@value #SIGN_IN}, a double-submit token: a form posted from another site cannot know it).
 * Both are HttpOnly, SameSite and Secure whenever the platform is served over HTTPS.
 */
@ApplicationScoped
public class StudioCookies {

    public static final String SESSION = "chapitre_studio";
    static final String SIGN_IN = "chapitre_signin";

    @Inject
    PublicUrls urls;

    static Optional<String> session(HttpServletRequest request) {
        return value(request, SESSION).filter(v -> v.length() <= 100);
    }

    void startSession(HttpServletRequest request, HttpServletResponse response, String secret) {
        // No Max-Age: the cookie ends with the browser; the server ends the session when idle.
        response.addCookie(cookie(request, SESSION, secret, "/", "Lax", -1));
    }

    void endSession(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(cookie(request, SESSION, "", "/", "Lax", 0));
    }

    /** The token for the sign-in form's hidden field, set in its cookie at the same time. */
    String issueSignInFormToken(HttpServletRequest request, HttpServletResponse response) {
        var existing = value(request, SIGN_IN).filter(v -> v.length() == 43);
        var token = existing.orElseGet(() -> TokenSecrets.randomToken(32));
        if (existing.isEmpty()) {
            response.addCookie(cookie(request, SIGN_IN, token, ProducerAuthentication.SIGN_IN_PATH, "Strict", -1));
        }
        return token;
    }

    static boolean isSignInFormToken(HttpServletRequest request, String presented) {
        return presented != null && value(request, SIGN_IN)
                .map(expected -> Digests.sameSecret(expected, presented))
                .orElse(false);
    }

    private Cookie cookie(HttpServletRequest request, String name, String value, String path, String sameSite, int maxAge) {
        var cookie = new Cookie(name, value);
        cookie.setPath(path);
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || urls.base(request).startsWith("https:"));
        cookie.setAttribute("SameSite", sameSite);
        return cookie;
    }

    private static Optional<String> value(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getCookies()).stream().flatMap(Arrays::stream)
                .filter(c -> name.equals(c.getName())).map(Cookie::getValue).filter(v -> !v.isEmpty()).findFirst();
    }
}
