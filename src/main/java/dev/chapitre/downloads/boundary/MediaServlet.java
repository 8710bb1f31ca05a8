package dev.chapitre.downloads.boundary;

import dev.chapitre.downloads.control.DownloadCounter;
import dev.chapitre.downloads.control.DownloadQueue;
import dev.chapitre.episodes.boundary.PublicCatalog;
import dev.chapitre.media.boundary.FileAnswer;
import dev.chapitre.media.boundary.FileSender;
import dev.chapitre.media.boundary.HandOver;
import dev.chapitre.media.control.FileVersion;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.MovedPermanently;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.boundary.ReadOnlyServlet;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.entity.Slug;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public audio and images: {@code /media/{podcast}/{episode}.mp3},
 * {@code /media/{podcast}/artwork.jpg|png} and a chapter's image, {@code /media/chapter-images/{uuid}.jpg|png}
 * (its media key, never reused: no slug in it, so it never moves). Finds which stored file an address names (drafts and
 * scheduled episodes for their producer only, by HTTP Basic or a token), lets media answer it
 * ({@link FileAnswer}, sent by {@link FileSender} or by nginx through {@link HandOver}), and offers
 * what {@link DownloadCounter} says may be a download to the queue.
 */
@WebServlet(urlPatterns = "/media/*", asyncSupported = true)
public class MediaServlet extends ReadOnlyServlet {

    static final Pattern EPISODE = Pattern.compile("/" + Slug.CAPTURE + "/" + Slug.CAPTURE + "\\.mp3");
    static final Pattern ARTWORK = Pattern.compile("/" + Slug.CAPTURE + "/artwork\\.(jpg|png)");
    /** A UUID, never "artwork": a show whose slug is "chapter-images" keeps its artwork's address. */
    static final Pattern CHAPTER_IMAGE = Pattern.compile("/(chapter-images/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(?:jpg|png))");

    @Inject
    PublicMedia media;

    @Inject
    MediaDirectory directory;

    @Inject
    MediaStorage storage;

    @Inject
    HandOver handOver;

    @Inject
    DownloadQueue downloads;

    @Inject
    ClientAddress clients;

    @Inject
    Clock clock;

    @Inject
    PublicCatalog catalog;

    @Inject
    PublicUrls urls;

    @Override
    protected void serve(HttpServletRequest request, HttpServletResponse response, boolean withBody) throws IOException {
        Optional<PublicMedia.Item> item;
        try {
            item = lookUp(request);
        } catch (RuntimeException databaseDown) {
            // Never seen before and the database does not answer: a retryable answer, not a 500.
            response.setHeader("Retry-After", "30");
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The media directory cannot be reached right now; try again shortly.");
            return;
        }
        if (item.isEmpty() && !redirected(request, response)) {
            notFound(response);
            return;
        }
        if (item.isPresent()) {
            send(request, response, item.get(), withBody);
        }
    }

    /** A former slug of the show or the episode: 301 to the file's current address. */
    private boolean redirected(HttpServletRequest request, HttpServletResponse response) {
        var address = Optional.ofNullable(request.getPathInfo()).orElse("");
        var episode = EPISODE.matcher(address);
        var artwork = ARTWORK.matcher(address);
        Optional<String> moved;
        try {
            if (episode.matches()) {
                moved = catalog.movedTo(new PublicCatalog.Address(episode.group(1), Optional.of(episode.group(2))), Instant.now(clock))
                        .map(now -> PublicPaths.audio(now.show(), now.episode().orElseThrow()));
            } else if (artwork.matches()) {
                moved = catalog.movedTo(new PublicCatalog.Address(artwork.group(1), Optional.empty()), Instant.now(clock))
                        .flatMap(now -> directory.artwork(now.show()) // the artwork as it is now, PNG or JPEG
                                .map(art -> PublicPaths.artwork(now.show(), art.contentType().endsWith("png") ? "png" : "jpg")));
            } else {
                moved = Optional.empty();
            }
        } catch (RuntimeException databaseDown) {
            return false;
        }
        moved.ifPresent(path -> MovedPermanently.send(response, urls.base(request) + path, request.getQueryString()));
        return moved.isPresent();
    }

    private Optional<PublicMedia.Item> lookUp(HttpServletRequest request) {
        var address = Optional.ofNullable(request.getPathInfo()).orElse("");
        Optional<PublicMedia.Item> item = Optional.empty();
        var episode = EPISODE.matcher(address);
        var artwork = ARTWORK.matcher(address);
        var chapterImage = CHAPTER_IMAGE.matcher(address);
        if (chapterImage.matches()) {
            item = directory.chapterImage(chapterImage.group(1));
            if (item.isEmpty() && request.getUserPrincipal() != null) {
                item = media.ownChapterImage(chapterImage.group(1)); // a draft's, for its producer
            }
        } else if (episode.matches()) {
            item = directory.episodeAudio(episode.group(1), episode.group(2));
            if (item.isEmpty() && request.getUserPrincipal() != null) {
                item = media.ownEpisodeAudio(episode.group(1), episode.group(2)); // a draft, for its producer
            }
        } else if (artwork.matches()) {
            item = directory.artwork(artwork.group(1)).filter(art -> art.contentType().endsWith(artwork.group(2).equals("jpg") ? "jpeg" : "png"));
        }
        return item;
    }

    /**
     * The file is opened once per request: the answer and the bytes are of the version opened. In a
     * bucket a key is never rewritten, so the version named is the one whose bytes are read.
     */
    private void send(HttpServletRequest request, HttpServletResponse response, PublicMedia.Item item, boolean withBody)
            throws IOException {
        var local = storage.localFile(item.key());
        Optional<FileVersion> opened = Optional.empty();
        Optional<MediaStorage.Version> version;
        try {
            if (local.isPresent()) {
                opened = FileVersion.open(local.get());
                version = opened.map(file -> new MediaStorage.Version(file.length(), file.modifiedMillis()));
            } else {
                version = storage.version(item.key());
            }
        } catch (FileVersion.BeingReplaced | MediaStorage.Unavailable busy) {
            response.setHeader("Retry-After", "1");
            problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The file cannot be read right now; try again.");
            return;
        }
        if (version.isEmpty()) {
            notFound(response);
            return;
        }
        long length = version.get().length();
        boolean sending = false;
        try {
            var answer = FileAnswer.to(request, length, version.get().modifiedMillis());
            answer.writeValidators(response);
            // A signed-in producer may be hearing a draft: no shared cache may keep it, and a producer
            // checking their own episode (in the chapter editor) is not a listener's download.
            var producer = request.getUserPrincipal() != null;
            response.setHeader("Cache-Control", producer ? "private, no-store" : "public, max-age=300");
            response.setContentType(item.contentType());
            var location = handOver.location(request, item.key(), item.contentType());
            if (location.isPresent()) {
                // nginx answers the conditionals with its own ETag, which this answer cannot compare:
                // a request carrying one is a revalidation, not a download.
                boolean revalidation = request.getHeader("If-None-Match") != null;
                count(request, item, producer, withBody && !revalidation ? answer.bodyBytes() : 0, answer.first(), length);
                HandOver.answer(response, location.get());
                return;
            }
            answer.writeStatus(response);
            if (withBody && answer.hasBody()) {
                count(request, item, producer, answer.bodyBytes(), answer.first(), length);
                if (opened.isPresent()) {
                    FileSender.start(request, response, opened.get(), answer.first(), answer.count());
                    sending = true;
                } else {
                    // Without nginx in front: the ranged GET streamed through (a thread per download).
                    try (var bytes = storage.read(item.key(), answer.first(), answer.count())) {
                        bytes.transferTo(response.getOutputStream());
                    }
                }
            }
        } finally {
            if (!sending) {
                opened.ifPresent(FileVersion::close);
            }
        }
    }

    /** Off this thread from here: the queue never slows or fails a download. */
    private void count(HttpServletRequest request, PublicMedia.Item item, boolean producer, long bytesSent, long firstByte, long length) {
        var userAgent = request.getHeader("User-Agent");
        if (DownloadCounter.qualifies(item.delivered(producer, bytesSent, firstByte, length, userAgent))) {
            downloads.offer(item.hit(clients.of(request), userAgent, Instant.now(clock)));
        }
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        problem(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "There is no published media at this address.");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        new Problem(status, title, detail, null).writeTo(response);
    }
}
