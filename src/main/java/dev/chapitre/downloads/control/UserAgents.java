package dev.chapitre.downloads.control;

import dev.chapitre.platform.control.OutlineFile;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a User-Agent says about the listener: a known bot or crawler (excluded from counts), and
 * which podcast app it is. Both lists are data files (bots.txt, podcast-apps.txt) to keep up to date
 * without touching code; matching is by case-insensitive substring, first match wins.
 */
public final class UserAgents {

    public static final String OTHER = "Other";
    public static final String UNKNOWN = "Unknown";

    private static final List<String> BOTS = OutlineFile.read("/bots.txt").getOrDefault("bots", List.of())
            .stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    private static final Map<String, List<String>> APPS = OutlineFile.read("/podcast-apps.txt");

    private UserAgents() {
    }

    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return false;
        }
        var ua = userAgent.toLowerCase(Locale.ROOT);
        return BOTS.stream().anyMatch(ua::contains);
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
