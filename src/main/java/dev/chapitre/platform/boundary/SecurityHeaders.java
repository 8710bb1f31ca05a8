package dev.chapitre.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The browser's safety headers, for every answer of the application (pages, studio, API, error
 * pages, assets, feeds, media). {@link SecurityHeadersFilter} adds them to everything the
 * application serves; the authentication mechanism, which answers some requests before any filter
 * runs (401, 429, the redirect to the sign-in form), adds them to those.
 * <ul>
 * <li>Content-Security-Policy: scripts, styles and everything else from this platform only; no
 * inline script or style (the pages have none: JSON-LD and the studio's data are
 * {@code application/…json} data blocks, which a policy does not govern); no frames around us, but
 * around the embeddable player ({@code /embed/}), which any site may frame.</li>
 * <li>Referrer-Policy: the studio and the API never tell other sites their addresses (drafts have
 * names); public pages send only our origin to other sites.</li>
 * <li>X-Content-Type-Options: nosniff; X-Frame-Options for browsers that predate frame-ancestors.</li>
 * </ul>
 * Media, artwork and the redirect after a rating use absolute URLs from CHAPITRE_BASE_URL, which
 * the policy names too, so a page opened at another address of the same server still plays.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * What other sites may show in a frame: the embeddable player (web's EmbedServlet), nothing else.
     * Told by the servlet the container chose, not by the address as sent: an address that only
     * looks like /embed/ ("/embed/..;/studio/…") cannot make another page frameable.
     */
    private static final String EMBEDDABLE_SERVLET_PATH = "/embed";
    private static final Set<String> PRIVATE_PREFIXES = Set.of("/studio", "/api");

    @Inject
    @ConfigProperty(name = "CHAPITRE_BASE_URL")
    Optional<String> configuredBase;

    private String ownSources;

    @PostConstruct
    void readSources() {
        ownSources = "'self'" + configuredBase.flatMap(SecurityHeaders::originOf).map(origin -> " " + origin).orElse("");
    }

    public void addTo(HttpServletRequest request, HttpServletResponse response) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var embeddable = EMBEDDABLE_SERVLET_PATH.equals(request.getServletPath());
        response.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "img-src " + ownSources + "; media-src " + ownSources + "; connect-src 'self'; form-action " + ownSources
                + "; base-uri 'none'; frame-ancestors " + (embeddable ? "*" : "'none'"));
        if (!embeddable) {
            response.setHeader("X-Frame-Options", "DENY");
        }
        response.setHeader("Referrer-Policy", PRIVATE_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))
                ? "same-origin" : "strict-origin-when-cross-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    private static Optional<String> originOf(String url) {
        try {
            var uri = URI.create(url.strip());
            return uri.getScheme() == null || uri.getHost() == null ? Optional.empty()
                    : Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
