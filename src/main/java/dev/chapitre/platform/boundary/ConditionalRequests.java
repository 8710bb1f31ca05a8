package dev.chapitre.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/** If-None-Match and If-Modified-Since (RFC 9110 §13.1.2–3) for servlets that answer 304 themselves. */
public final class ConditionalRequests {

    private ConditionalRequests() {
    }

    /**
     * Whether the client's copy is current: If-None-Match (weak comparison) against any of the
     * resource's ETags when the header is present, otherwise If-Modified-Since (to the second).
     */
    public static boolean isNotModified(HttpServletRequest request, List<String> etags, long modifiedMillis) {
        var ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (var tag : ifNoneMatch.split(",")) {
                var t = tag.trim();
                var opaque = t.startsWith("W/") ? t.substring(2) : t;
                if (t.equals("*") || etags.contains(opaque)) {
                    return true;
                }
            }
            return false;
        }
        long since = dateHeader(request, "If-Modified-Since");
        return since >= 0 && modifiedMillis / 1000 <= since / 1000;
    }

    /** A date header in milliseconds, or -1 when absent or malformed (a malformed one is ignored, never a 500). */
    public static long dateHeader(HttpServletRequest request, String name) {
        try {
            return request.getDateHeader(name);
        } catch (IllegalArgumentException malformed) {
            return -1;
        }
    }
}
