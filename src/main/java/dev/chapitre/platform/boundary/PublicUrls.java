package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's public base URL: CHAPITRE_BASE_URL when set, otherwise the address the client
 * used, as a reverse proxy reports it in X-Forwarded-Proto/X-Forwarded-Host. Those headers are
 * believed only from a proxy in CHAPITRE_TRUSTED_PROXIES: from anyone else they would let a client
 * point our redirects and absolute links at another site.
 * Application-scoped, with the setting read once at start: as a request-scoped bean its creation
 * (config injection included) was a third of the CPU time of a feed request.
 */
@ApplicationScoped
public class PublicUrls {

    @Inject
    @ConfigProperty(name = "CHAPITRE_BASE_URL")
    Optional<String> configured;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clients;

    /** For the request being served (the injected request is a proxy to the current one). */
    public String base() {
        return base(request);
    }

    public String base(HttpServletRequest current) {
        return configured().orElseGet(() -> fromRequest(current, clients.isTrustedProxy(current)));
    }

    /** CHAPITRE_BASE_URL, for work done outside any request. */
    public Optional<String> configured() {
        return configured.filter(url -> !url.isBlank()).map(PublicUrls::withoutTrailingSlash);
    }

    /**
     * Whether {@code origin} (a browser's Origin header) is this platform: its public base URL, or
     * the address this request was sent to (a browser names the host it sends to honestly).
     */
    public boolean isOwnOrigin(HttpServletRequest current, String origin) {
        return sameOrigin(origin, base(current)) || sameOrigin(origin, fromRequest(current, clients.isTrustedProxy(current)));
    }

    public String of(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String fromRequest(HttpServletRequest request, boolean fromOurProxy) {
        var scheme = firstValue(fromOurProxy ? request.getHeader("X-Forwarded-Proto") : null).orElse(request.getScheme());
        var host = firstValue(fromOurProxy ? request.getHeader("X-Forwarded-Host") : null)
                .or(() -> firstValue(request.getHeader("Host")))
                .orElse(request.getServerName() + ":" + request.getServerPort());
        try {
            return URI.create(scheme + "://" + host).toString();
        } catch (IllegalArgumentException malformed) {
            // a client's garbled X-Forwarded-Host or Host must not fail the request
            return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        }
    }

    private static boolean sameOrigin(String one, String other) {
        try {
            var a = URI.create(one);
            var b = URI.create(other);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && portOf(a) == portOf(b);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Optional<String> firstValue(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        var first = header.split(",")[0].trim();
        return first.isEmpty() ? Optional.empty() : Optional.of(first);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
