package dev.chapitre.feeds.boundary;

import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.feeds.control.PublishedDocument;
import dev.chapitre.platform.boundary.ConditionalRequests;
import dev.chapitre.platform.boundary.MovedPermanently;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.boundary.ReadOnlyServlet;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Slug;
import dev.chapitre.transcripts.control.PublishedFormat;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /feeds/{podcast}.xml}, {@code /chapters/{podcast}/{episode}.json} and
 * {@code /transcripts/{podcast}/{episode}.(vtt|srt|json|html)}: served from
 * {@link DocumentCache}, gzipped when the client accepts it, 304 when the client's copy is current.
 * A servlet rather than a JAX-RS resource: feeds are polled all day and this path stays short.
 */
@WebServlet(urlPatterns = {"/feeds/*", "/chapters/*", "/transcripts/*"})
public class PublicDocumentsServlet extends ReadOnlyServlet {

    private static final Logger LOG = Logger.getLogger(PublicDocumentsServlet.class.getName());
    private static final Pattern FEED = Pattern.compile("/" + Slug.CAPTURE + "\\.xml");
    private static final Pattern CHAPTERS = Pattern.compile("/" + Slug.CAPTURE + "/" + Slug.CAPTURE + "\\.json");
    private static final Pattern TRANSCRIPT = Pattern.compile("/" + Slug.CAPTURE + "/" + Slug.CAPTURE + "\\.([a-z]+)");
    /** Short, so that a new episode reaches apps (and any CDN in front) within a minute. */
    static final long MAX_AGE_SECONDS = 60;

    @Inject
    DocumentCache cache;

    @Inject
    PublicDocuments documents;

    @Inject
    PublicUrls urls;

    @Inject
    PublicCatalog catalog;

    @Override
    protected void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        var now = Instant.now();
        Optional<PublishedDocument> document;
        try {
            document = lookUp(request, now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not build " + request.getRequestURI(), e);
            response.setHeader("Retry-After", "30");
            new Problem(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                    "This document cannot be built right now; try again shortly.", null).writeTo(response);
            return;
        }
        if (document.isEmpty() && redirected(request, response, now)) {
            return;
        }
        if (document.isEmpty()) {
            new Problem(HttpServletResponse.SC_NOT_FOUND, "Not Found",
                    "There is no published show or episode at " + request.getRequestURI() + ".", null).writeTo(response);
            return;
        }
        send(request, response, document.get(), now, withBody);
    }

    private Optional<PublishedDocument> lookUp(HttpServletRequest request, Instant now) {
        var path = Optional.ofNullable(request.getPathInfo()).orElse("");
        var base = urls.base(request);
        if ("/feeds".equals(request.getServletPath())) {
            var feed = FEED.matcher(path);
            return feed.matches()
                    ? cache.get("feed " + feed.group(1) + " " + base, now, () -> documents.feed(feed.group(1), base, now))
                    : Optional.empty();
        }
        if ("/transcripts".equals(request.getServletPath())) {
            var transcript = TRANSCRIPT.matcher(path);
            var format = transcript.matches() ? PublishedFormat.byExtension(transcript.group(3)) : Optional.<PublishedFormat>empty();
            return format.isPresent()
                    ? cache.get("transcript " + transcript.group(1) + "/" + transcript.group(2) + "." + format.get().extension() + " " + base, now,
                            () -> documents.transcript(transcript.group(1), transcript.group(2), format.get(), base, now))
                    : Optional.empty();
        }
        var chapters = CHAPTERS.matcher(path);
        return chapters.matches()
                ? cache.get("chapters " + chapters.group(1) + "/" + chapters.group(2) + " " + base, now, // its images' addresses
                        () -> documents.chapters(chapters.group(1), chapters.group(2), base, now))
                : Optional.empty();
    }

    /** A former slug of the show or the episode: 301 to the document's current address. */
    private boolean redirected(HttpServletRequest request, HttpServletResponse response, Instant now) {
        var path = Optional.ofNullable(request.getPathInfo()).orElse("");
        var feed = FEED.matcher(path);
        var episodeDocument = ("/transcripts".equals(request.getServletPath()) ? TRANSCRIPT : CHAPTERS).matcher(path);
        Optional<PublicCatalog.Address> moved;
        try {
            moved = "/feeds".equals(request.getServletPath())
                    ? feed.matches() ? catalog.movedTo(new PublicCatalog.Address(feed.group(1), Optional.empty()), now) : Optional.empty()
                    : episodeDocument.matches()
                    ? catalog.movedTo(new PublicCatalog.Address(episodeDocument.group(1), Optional.of(episodeDocument.group(2))), now)
                    : Optional.empty();
        } catch (RuntimeException databaseDown) {
            return false; // a 404 while the database is away; the address answers again once it is back
        }
        moved.ifPresent(address -> MovedPermanently.send(response, urls.base(request) + address.episode()
                .map(episode -> "/transcripts".equals(request.getServletPath())
                        ? PublicPaths.transcript(address.show(), episode, episodeDocument.group(3))
                        : PublicPaths.chapters(address.show(), episode))
                .orElseGet(() -> PublicPaths.feed(address.show())), request.getQueryString()));
        return moved.isPresent();
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, PublishedDocument document,
                             Instant now, boolean withBody) throws IOException {
        boolean gzip = document.compresses() && acceptsGzip(request.getHeader("Accept-Encoding"));
        long maxAge = document.expires().map(at -> Math.min(MAX_AGE_SECONDS, Math.max(0, Duration.between(now, at).toSeconds())))
                .orElse(MAX_AGE_SECONDS);
        response.setHeader("ETag", document.etag(gzip));
        response.setDateHeader("Last-Modified", document.lastModified().toEpochMilli());
        response.setHeader("Cache-Control", "public, max-age=" + maxAge);
        response.setHeader("Vary", "Accept-Encoding");
        response.setHeader("Access-Control-Allow-Origin", "*"); // web players read feeds, chapters and transcripts cross-origin
        if (document.movedTo().isPresent()) {
            // Moved to another host: the 301 carries the last feed, whose itunes:new-feed-url names
            // the new address for an app that reads the body instead of following.
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", document.movedTo().get());
        } else if (ConditionalRequests.isNotModified(request, List.of(document.etag(false), document.etag(true)),
                document.lastModified().toEpochMilli())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        var body = gzip ? document.gzipped() : document.plain();
        response.setContentType(document.contentType());
        if (gzip) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        if (withBody) {
            response.getOutputStream().write(body);
        }
    }

    /** RFC 9110 §12.5.3: gzip listed with a non-zero weight, or not listed and "*" accepted. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (var part : acceptEncoding.split(",")) {
            var pieces = part.split(";");
            var coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean accepted = true;
            for (int i = 1; i < pieces.length; i++) {
                var parameter = pieces[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    accepted = !parameter.substring(2).matches("0(\\.0{0,3})?");
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = accepted;
            } else if (coding.equals("*")) {
                any = accepted;
            }
        }
        return gzip != null ? gzip : any;
    }
}
