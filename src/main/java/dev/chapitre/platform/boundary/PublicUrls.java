package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's public base URL: CHAPITRE_BASE_URL when set, otherwise the address the client
 * used, as a reverse proxy reports it in X-Forwarded-Proto/X-Forwarded-Host.
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

    /** For the request being served (the injected request is a proxy to the current one). */
    public String base() {
        return base(request);
    }

    public String base(HttpServletRequest current) {
        return configured().orElseGet(() -> fromRequest(current));
    }

    /** CHAPITRE_BASE_URL, for work done outside any request. */
    public Optional<String> configured() {
        return configured.filter(url -> !url.isBlank()).map(PublicUrls::withoutTrailingSlash);
    }

    public String of(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String fromRequest(HttpServletRequest request) {
        var scheme = firstValue(request.getHeader("X-Forwarded-Proto")).orElse(request.getScheme());
        var host = firstValue(request.getHeader("X-Forwarded-Host"))
                .or(() -> firstValue(request.getHeader("Host")))
                .orElse(request.getServerName() + ":" + request.getServerPort());
        try {
            return URI.create(scheme + "://" + host).toString();
        } catch (IllegalArgumentException malformed) {
            // a client's garbled X-Forwarded-Host or Host must not fail the request
            return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        }
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
