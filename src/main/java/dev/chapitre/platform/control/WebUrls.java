package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import java.net.URI;
import java.net.URISyntaxException;

/** Links that a podcast app or browser can follow. */
public final class WebUrls {

    /** Longer links are refused by browsers and proxies alike (and by the database columns). */
    public static final int MAX_LENGTH = 2000;
    public static final Message RULE = Message.of("platform.webUrl", MAX_LENGTH);

    private WebUrls() {
    }

    public static boolean isAbsoluteHttp(String value) {
        if (value == null || value.length() > MAX_LENGTH || XmlText.rule(value).isPresent()) {
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
