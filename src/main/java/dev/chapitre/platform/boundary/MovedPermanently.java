package dev.chapitre.platform.boundary;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer at an address whose show or episode took another slug: 301 to the same document at its
 * new address. Kept by browsers and caches for a day, not forever, because a show may take a former
 * slug of its own back, and the old address must then answer again.
 */
public final class MovedPermanently {

    static final String CACHE_CONTROL = "public, max-age=86400";

    private MovedPermanently() {
    }

    /** {@code location}: absolute; {@code query}: the request's query string, kept (null: none). */
    public static void send(HttpServletResponse response, String location, String query) {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", query == null || query.isEmpty() ? location : location + "?" + query);
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("Access-Control-Allow-Origin", "*"); // web players follow it cross-origin, as they read the target
        response.setContentLength(0);
    }
}
