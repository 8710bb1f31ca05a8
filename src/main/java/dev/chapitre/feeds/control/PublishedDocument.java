package dev.chapitre.feeds.control;

import dev.chapitre.platform.control.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A document as it is served: its bytes plain and gzipped (compressed once, not per request),
 * strong validators for each, and until when it is true ({@code expires}: the next scheduled
 * episode's publication, when there is one). {@code movedTo}: the show moved to another host, and
 * the document is the body of a 301 to that address, never a file of the published tree.
 */
public record PublishedDocument(String contentType, byte[] plain, byte[] gzipped, String etag, Instant lastModified,
                                Optional<Instant> expires, Optional<String> movedTo) {

    public static PublishedDocument of(String contentType, byte[] plain, Instant lastModified, Optional<Instant> expires) {
        return new PublishedDocument(contentType, plain, gzip(plain), "\"" + digest(plain) + "\"",
                lastModified.truncatedTo(ChronoUnit.SECONDS), expires, Optional.empty());
    }

    public PublishedDocument movedTo(Optional<String> address) {
        return new PublishedDocument(contentType, plain, gzipped, etag, lastModified, expires, address);
    }

    /** Each encoding is its own representation, so it has its own strong ETag (RFC 9110 8.8.3). */
    public String etag(boolean gzip) {
        return gzip ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag;
    }

    /** The same bytes dated later (they changed, but the data's own timestamps did not move). */
    public PublishedDocument modifiedAt(Instant instant) {
        return new PublishedDocument(contentType, plain, gzipped, etag, instant.truncatedTo(ChronoUnit.SECONDS), expires, movedTo);
    }

    /** Whether gzip makes it smaller: a tiny document (an episode without chapters) is served as it is. */
    public boolean compresses() {
        return gzipped.length < plain.length;
    }

    public boolean isExpired(Instant now) {
        return expires.filter(at -> !at.isAfter(now)).isPresent();
    }

    public int size() {
        return plain.length + gzipped.length;
    }

    private static byte[] gzip(byte[] plain) {
        var out = new ByteArrayOutputStream(plain.length / 4 + 64);
        try (var gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION); // once per change, read many times
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(Digests.sha256(bytes), 0, 16);
    }
}
