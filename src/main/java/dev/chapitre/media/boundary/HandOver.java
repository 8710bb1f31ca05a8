package dev.chapitre.media.boundary;

import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Behind the nginx of deploy/, which announces an internal location in {@link #PREFIX_HEADER}, the
 * application authorises the request and nginx sends the bytes with sendfile(2), answering Range,
 * If-Range, HEAD and 304 itself. With media in a bucket, nginx announces another internal location
 * in {@link #OBJECT_PREFIX_HEADER}, which proxies to the bucket: the hand-over names a presigned GET
 * valid for a few minutes (the bucket stays private; Range passes through). The headers are
 * believed only from a trusted proxy, so a client cannot ask for the hand-over.
 */
@ApplicationScoped
public class HandOver {

    static final String PREFIX_HEADER = "X-Chapitre-Accel-Prefix";
    static final String OBJECT_PREFIX_HEADER = "X-Chapitre-Accel-Object-Prefix";

    @Inject
    ClientAddress clients;

    @Inject
    MediaStorage storage;

    /** Where nginx finds the stored file at {@code key}, when nginx is to send this request's bytes. */
    public Optional<String> location(HttpServletRequest request, String key, String contentType) {
        if (storage.localFile(key).isPresent()) {
            return prefix(request, PREFIX_HEADER).map(prefix -> prefix + key);
        }
        return prefix(request, OBJECT_PREFIX_HEADER).flatMap(prefix -> storage.presignedGet(key, contentType)
                .map(url -> prefix + url.getRawPath().substring(1) + "?" + url.getRawQuery()));
    }

    /** Leaves the bytes to nginx: it serves {@code location} instead of this (bodiless) answer. */
    public static void answer(HttpServletResponse response, String location) {
        response.setHeader("X-Accel-Redirect", location);
    }

    private Optional<String> prefix(HttpServletRequest request, String header) {
        var prefix = request.getHeader(header);
        if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/") || !clients.isTrustedProxy(request)) {
            return Optional.empty();
        }
        return Optional.of(prefix);
    }
}
