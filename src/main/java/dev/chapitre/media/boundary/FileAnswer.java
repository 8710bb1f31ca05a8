package dev.chapitre.media.boundary;

import dev.chapitre.media.control.ByteRange;
import dev.chapitre.platform.boundary.ConditionalRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;

/**
 * What a GET or HEAD of one file version gets: 200, 206 with its range, 304 or 416, and the
 * validators (a strong ETag from size and modification time, Last-Modified). Decided once, whether
 * the bytes are then sent by us ({@link FileSender}) or by nginx ({@link HandOver}).
 */
public record FileAnswer(int status, long first, long count, long length, String etag, long modifiedMillis) {

    public static FileAnswer to(HttpServletRequest request, long length, long modifiedMillis) {
        var etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modifiedMillis) + "\"";
        if (ConditionalRequests.isNotModified(request, List.of(etag), modifiedMillis)) {
            return new FileAnswer(HttpServletResponse.SC_NOT_MODIFIED, 0, 0, length, etag, modifiedMillis);
        }
        var range = Optional.ofNullable(request.getHeader("Range")).filter(r -> ifRangeHolds(request, etag, modifiedMillis));
        var asked = ByteRange.of(range, length);
        if (asked instanceof ByteRange.Unsatisfiable) {
            return new FileAnswer(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE, 0, 0, length, etag, modifiedMillis);
        }
        if (asked instanceof ByteRange.Partial partial) {
            return new FileAnswer(HttpServletResponse.SC_PARTIAL_CONTENT, partial.range().first(), partial.range().length(), length,
                    etag, modifiedMillis);
        }
        return new FileAnswer(HttpServletResponse.SC_OK, 0, length, length, etag, modifiedMillis);
    }

    /** How many bytes of the file a GET is sent: none for 304 and 416. */
    public long bodyBytes() {
        return hasBody() ? count : 0;
    }

    public boolean hasBody() {
        return status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_PARTIAL_CONTENT;
    }

    /** The headers that describe the file version, whoever sends it. */
    public void writeValidators(HttpServletResponse response) {
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", modifiedMillis);
    }

    /** Status, Content-Range and Content-Length, when we send the answer ourselves. */
    public void writeStatus(HttpServletResponse response) {
        response.setStatus(status);
        switch (status) {
            case HttpServletResponse.SC_NOT_MODIFIED -> {
            }
            case HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE -> {
                response.setHeader("Content-Range", "bytes */" + length);
                response.setContentLengthLong(0);
            }
            case HttpServletResponse.SC_PARTIAL_CONTENT -> {
                response.setHeader("Content-Range", "bytes " + first + "-" + (first + count - 1) + "/" + length);
                response.setContentLengthLong(count);
            }
            default -> response.setContentLengthLong(count);
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
}
