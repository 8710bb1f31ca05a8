package dev.chapitre.platform.control;

import java.net.URI;
import java.net.URISyntaxException;

/** Links that a podcast app or browser can follow. */
public final class WebUrls {

    private WebUrls() {
    }

    public static boolean isAbsoluteHttp(String value) {
        if (value == null) {
            return false;
        }
        try {
            var uri = new URI(value);
            return uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
