package dev.chapitre.downloads.boundary;

import dev.chapitre.media.control.ByteRange;
import dev.chapitre.downloads.control.DownloadQueue;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.downloads.control.UserAgents;
import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.ConditionalRequests;
import dev.chapitre.platform.boundary.ReadOnlyServlet;
import dev.chapitre.platform.control.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Public audio and artwork: {@code /media/{podcast}/{episode}.mp3} and
 * {@code /media/{podcast}/artwork.jpg|png}, with HEAD, single byte ranges, validators and 304.
 * Drafts and scheduled episodes are served to their producer only (HTTP Basic or a token).
 * The file is opened once per request, so a download that started before a re-tag finishes with
 * the bytes of the version it started on; the ETag names that version.
 */
@WebServlet(urlPatterns = "/media/*", asyncSupported = true)
public class MediaServlet extends ReadOnlyServlet {

    static final String ACCEL_HEADER = "X-Chapitre-Accel-Prefix";
    private static final Pattern EPISODE = Pattern.compile("/" + dev.chapitre.platform.entity.Slug.CAPTURE + "/" + dev.chapitre.platform.entity.Slug.CAPTURE + "\\.mp3");
    private static final Pattern ARTWORK = Pattern.compile("/" + dev.chapitre.platform.entity.Slug.CAPTURE + "/artwork\\.(jpg|png)");

    @Inject
    PublicMedia media;

    @Inject
    MediaDirectory directory;

    @Inject
    MediaStorage storage;

    @Inject
    DownloadQueue downloads;

    @Inject
    ClientAddress clients;

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
        if (item.isEmpty()) {
            notFound(response);
            return;
        }
        send(request, response, item.get(), withBody);
    }

    private Optional<PublicMedia.Item> lookUp(HttpServletRequest request) {
        var address = Optional.ofNullable(request.getPathInfo()).orElse("");
        Optional<PublicMedia.Item> item = Optional.empty();
        var episode = EPISODE.matcher(address);
        var artwork = ARTWORK.matcher(address);
        if (episode.matches()) {
            item = directory.episodeAudio(episode.group(1), episode.group(2));
            var producer = Optional.ofNullable(request.getUserPrincipal()).map(java.security.Principal::getName);
            if (item.isEmpty() && producer.isPresent()) {
                item = media.episodeAudio(episode.group(1), episode.group(2), producer); // a draft, for its producer
            }
        } else if (artwork.matches()) {
            item = directory.artwork(artwork.group(1)).filter(art -> art.contentType().endsWith(artwork.group(2).equals("jpg") ? "jpeg" : "png"));
        }
        return item;
    }

    private void send(HttpServletRequest request, HttpServletResponse response, PublicMedia.Item item, boolean withBody)
            throws IOException {
        var path = storage.localPath(item.key());
        for (int attempt = 0; attempt < 3; attempt++) {
            FileChannel file;
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(path, BasicFileAttributes.class);
                file = FileChannel.open(path, StandardOpenOption.READ);
            } catch (NoSuchFileException gone) {
                notFound(response);
                return;
            }
            boolean streaming = false;
            try {
                // The attributes must describe the version we opened (a re-tag may rename in between).
                if (file.size() == attributes.size()) {
                    streaming = deliver(request, response, item, file, attributes.lastModifiedTime().toMillis(), withBody);
                    return;
                }
            } finally {
                if (!streaming) {
                    file.close();
                }
            }
        }
        response.setHeader("Retry-After", "1");
        problem(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Service Unavailable",
                "The file is being replaced; try again.");
    }

    /** True when the body is being sent asynchronously (the sender then owns and closes the file). */
    private boolean deliver(HttpServletRequest request, HttpServletResponse response, PublicMedia.Item item, FileChannel file,
                            long modified, boolean withBody) throws IOException {
        long length = file.size();
        var etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modified) + "\"";
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modified);
        // A signed-in producer may be hearing a draft: no shared cache may keep it, and a producer
        // checking their own episode (in the chapter editor) is not a listener's download.
        var producer = request.getUserPrincipal() != null;
        response.setHeader("Cache-Control", producer ? "private, no-store" : "public, max-age=300");
        response.setContentType(item.contentType());
        var accelerator = accelerator(request);
        if (accelerator.isPresent()) {
            handOver(request, response, item, accelerator.get(), length, etag, modified, withBody);
            return false;
        }

        if (ConditionalRequests.isNotModified(request, List.of(etag), modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return false;
        }
        var rangeHeader = Optional.ofNullable(request.getHeader("Range")).filter(r -> ifRangeHolds(request, etag, modified));
        var asked = ByteRange.of(rangeHeader, length);
        if (asked instanceof ByteRange.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader("Content-Range", "bytes */" + length);
            response.setContentLengthLong(0);
            return false;
        }
        long first = 0;
        long count = length;
        if (asked instanceof ByteRange.Partial partial) {
            first = partial.range().first();
            count = partial.range().length();
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + first + "-" + partial.range().last() + "/" + length);
        }
        response.setContentLengthLong(count);
        if (!withBody) {
            return false;
        }
        if (item.isEpisode() && !producer) {
            count(request, item, count, length);
        }
        // Non-blocking: the container calls back when the connection can take more, so a slow
        // listener holds one buffer, not a growing write queue, and no thread waits for it.
        var async = request.startAsync();
        async.setTimeout(0);
        var out = response.getOutputStream();
        out.setWriteListener(new FileSender(file, first, first + count, out, async));
        return true;
    }

    /**
     * Behind the nginx of deploy/, which announces an internal location in {@link #ACCEL_HEADER}, the
     * application authorises and counts the request and nginx sends the bytes with sendfile(2),
     * answering Range, If-Range, HEAD and 304 itself. Believed only from a trusted proxy.
     */
    private Optional<String> accelerator(HttpServletRequest request) {
        var prefix = request.getHeader(ACCEL_HEADER);
        if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/") || !clients.isTrustedProxy(request)) {
            return Optional.empty();
        }
        return Optional.of(prefix);
    }

    private void handOver(HttpServletRequest request, HttpServletResponse response, PublicMedia.Item item, String prefix,
                          long length, String etag, long modified, boolean withBody) {
        if (withBody && item.isEpisode() && request.getUserPrincipal() == null && request.getHeader("If-None-Match") == null) {
            var range = Optional.ofNullable(request.getHeader("Range")).filter(r -> ifRangeHolds(request, etag, modified));
            var wanted = ByteRange.of(range, length);
            long asked = wanted instanceof ByteRange.Partial partial ? partial.range().length()
                    : wanted instanceof ByteRange.Whole ? length : 0;
            if (asked > 0) {
                count(request, item, asked, length);
            }
        }
        response.setHeader("X-Accel-Redirect", prefix + item.key());
    }

    /**
     * IAB v2: a request counts when it asks for at least one minute of audio or for the whole file
     * (so "bytes=0-1" probes do not), and not from a known bot. The rest happens off this thread.
     */
    private void count(HttpServletRequest request, PublicMedia.Item item, long bytes, long length) {
        var userAgent = request.getHeader("User-Agent");
        long minute = Math.max(1, item.bitrateKbps()) * 1000L / 8 * 60;
        if ((bytes < length && bytes < minute) || UserAgents.isBot(userAgent)) {
            return;
        }
        downloads.offer(new DownloadQueue.Hit(item.podcastId(), item.episodeId(), clients.of(request), userAgent,
                UserAgents.app(userAgent), Instant.now()));
    }

    /** Copies a byte range of an open file to the response whenever the connection is ready for more. */
    private static final class FileSender implements WriteListener {
        private static final int CHUNK = 64 * 1024;
        private final FileChannel file;
        private final long end;
        private final ServletOutputStream out;
        private final AsyncContext async;
        private final byte[] buffer = new byte[CHUNK];
        private long at;

        FileSender(FileChannel file, long first, long end, ServletOutputStream out, AsyncContext async) {
            this.file = file;
            this.at = first;
            this.end = end;
            this.out = out;
            this.async = async;
        }

        @Override
        public void onWritePossible() throws IOException {
            var view = ByteBuffer.wrap(buffer);
            while (out.isReady()) {
                if (at >= end) {
                    finish();
                    return;
                }
                view.clear().limit((int) Math.min(CHUNK, end - at));
                int read = file.read(view, at);
                if (read <= 0) {
                    finish();
                    return;
                }
                out.write(buffer, 0, read);
                at += read;
            }
        }

        @Override
        public void onError(Throwable clientGone) {
            closeFile();
            async.complete();
        }

        private void finish() {
            closeFile();
            async.complete();
        }

        private void closeFile() {
            try {
                file.close();
            } catch (IOException ignored) {
                // Read-only: nothing was lost.
            }
        }
    }

    /** If-Range with a validator of another version: the client gets the whole new file, never a mix. */
    private static boolean ifRangeHolds(HttpServletRequest request, String etag, long modified) {
        var ifRange = request.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        if (ifRange.startsWith("\"") || ifRange.startsWith("W/")) {
            return ifRange.equals(etag);
        }
        long date = ConditionalRequests.dateHeader(request, "If-Range");
        return date >= 0 && modified / 1000 == date / 1000;
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        problem(response, HttpServletResponse.SC_NOT_FOUND, "Not Found", "There is no published media at this address.");
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
        new Problem(status, title, detail, null).writeTo(response);
    }
}
