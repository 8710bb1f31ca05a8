package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A browser that remembers a producer's Basic credentials sends them with any request to us, even
 * one that another site makes it send. So every change to the API (POST, PUT, PATCH, DELETE):
 * <ul>
 * <li>is refused (403) when the browser says it comes from another site: {@code Sec-Fetch-Site}
 * other than {@code same-origin} or {@code none}, or an {@code Origin} that is not ours. Clients
 * that are not browsers send neither header and are not concerned; the studio is same-origin;</li>
 * <li>must name its body's type (415 without one), and may use a type that a cross-site form or
 * a fetch without preflight can send ({@code text/plain}, url-encoded, {@code multipart/form-data})
 * only where the endpoint names that type in its {@code @Consumes} (chapter text, the upload).</li>
 * </ul>
 */
@Provider
public class CrossSiteRequests implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OUR_SITE = Set.of("same-origin", "none");
    /** A refused body up to this size is read and dropped, so that a client that sends it all before reading sees the answer. */
    private static final long DRAIN_AT_MOST = 16L * 1024 * 1024;
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data");

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest servletRequest;

    @Inject
    PublicUrls urls;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        var site = Optional.ofNullable(request.getHeaderString("Sec-Fetch-Site"));
        var origin = Optional.ofNullable(request.getHeaderString("Origin"));
        if (site.filter(s -> !OUR_SITE.contains(s)).isPresent() || origin.filter(o -> !urls.isOwnOrigin(servletRequest, o)).isPresent()) {
            refuse(request, new Problem(403, "Forbidden", "This change was sent by a browser from another site ("
                    + origin.or(() -> site).orElse("") + "). The API takes changes from the studio's own pages and from "
                    + "clients that are not browsers.", null));
            return;
        }
        var type = Optional.ofNullable(request.getMediaType());
        if (type.isEmpty() && hasBody(request)) {
            refuse(request, new Problem(415, "Unsupported Media Type",
                    "This request has a body but no Content-Type: send Content-Type: application/json "
                            + "(or the type this address documents).", null));
            return;
        }
        if (type.filter(t -> FORM_TYPES.contains(essence(t)) && !isNamedByTheEndpoint(t)).isPresent()) {
            refuse(request, new Problem(415, "Unsupported Media Type", "This address does not take " + essence(type.get())
                    + ": send Content-Type: application/json (or the type this address documents).", null));
        }
    }

    private static void refuse(ContainerRequestContext request, Problem problem) {
        try (var body = request.getEntityStream()) {
            var buffer = new byte[64 * 1024];
            long read = 0;
            for (int n = body.read(buffer); n >= 0 && read < DRAIN_AT_MOST; n = body.read(buffer)) {
                read += n;
            }
        } catch (IOException gone) {
            // The client stopped sending: the answer is all that is left to give.
        }
        request.abortWith(problem.toResponse());
    }

    private static boolean hasBody(ContainerRequestContext request) {
        return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
    }

    private boolean isNamedByTheEndpoint(MediaType type) {
        var consumes = Optional.ofNullable(resource.getResourceMethod().getAnnotation(Consumes.class))
                .or(() -> Optional.ofNullable(resource.getResourceClass().getAnnotation(Consumes.class)));
        return consumes.stream().flatMap(c -> Arrays.stream(c.value())).flatMap(v -> Arrays.stream(v.split(",")))
                .map(v -> MediaType.valueOf(v.strip())).anyMatch(named -> !named.isWildcardType() && !named.isWildcardSubtype()
                        && essence(named).equals(essence(type)));
    }

    private static String essence(MediaType type) {
        return (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
    }
}
