package dev.chapitre.media.boundary;

import dev.chapitre.platform.boundary.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Behind the nginx of deploy/, which announces an internal location in {@link #PREFIX_HEADER}, the
 * application authorises the request and nginx sends the bytes with sendfile(2), answering Range,
 * If-Range, HEAD and 304 itself. The header is believed only from a trusted proxy, so a client
 * cannot ask for the hand-over.
 */
@ApplicationScoped
public class HandOver {

    static final String PREFIX_HEADER = "X-Chapitre-Accel-Prefix";

    @Inject
    ClientAddress clients;

    /** Where nginx finds the stored file at {@code key}, when nginx is to send this request's bytes. */
    public Optional<String> location(HttpServletRequest request, String key) {
        return prefix(request).map(prefix -> prefix + key);
    }

    /** Leaves the bytes to nginx: it serves {@code location} instead of this (bodiless) answer. */
    public static void answer(HttpServletResponse response, String location) {
        response.setHeader("X-Accel-Redirect", location);
    }

    private Optional<String> prefix(HttpServletRequest request) {
        var prefix = request.getHeader(PREFIX_HEADER);
        if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/") || !clients.isTrustedProxy(request)) {
            return Optional.empty();
        }
        return Optional.of(prefix);
    }
}
