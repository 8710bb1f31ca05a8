package dev.chapitre.downloads.control;

import dev.chapitre.platform.control.OutlineFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a User-Agent says about the listener: a known bot or crawler, or an Apple Watch (both
 * excluded from counts), and which podcast app it is. The lists are data files (bots.txt,
 * apple-watch.txt, podcast-apps.txt) to keep up to date without touching code; matching is by
 * case-insensitive substring, first match wins.
 */
public final class UserAgents {

    public static final String OTHER = "Other";
    public static final String UNKNOWN = "Unknown";

    private static final List<String> BOTS = markers("/bots.txt", "bots");
    private static final List<String> WATCHES = markers("/apple-watch.txt", "watchOS");
    private static final Map<String, List<String>> APPS = OutlineFile.read("/podcast-apps.txt");

    private UserAgents() {
    }

    private static List<String> markers(String file, String heading) {
        return OutlineFile.read(file).getOrDefault(heading, List.of()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public static boolean isBot(String userAgent) {
        return contains(userAgent, BOTS);
    }

    /** watchOS downloads an episode its iPhone already has, on its own (IAB v2.2): not a listener of its own. */
    public static boolean isAppleWatch(String userAgent) {
        return contains(userAgent, WATCHES);
    }

    private static boolean contains(String userAgent, List<String> markers) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        var ua = userAgent.toLowerCase(Locale.ROOT);
        return markers.stream().anyMatch(ua::contains);
    }

    public static String app(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        var ua = userAgent.toLowerCase(Locale.ROOT);
        for (var app : APPS.entrySet()) {
            if (app.getValue().stream().anyMatch(marker -> ua.contains(marker.toLowerCase(Locale.ROOT)))) {
                return app.getKey();
            }
        }
        return OTHER;
    }
}
