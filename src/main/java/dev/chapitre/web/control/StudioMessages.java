package dev.chapitre.web.control;

import jakarta.json.Json;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The studio's words, French or English, from one bundle ({@code dev/chapitre/web/studio*.properties}):
 * the pages read them through {@code fmt}, the server's own sentences (readiness, statistics) through
 * {@link #text}, and the studio's scripts get the keys that start with {@code js.} as a JSON object
 * in every page (built once per language).
 */
public final class StudioMessages {

    public static final String BUNDLE = "dev.chapitre.web.studio";
    private static final String SCRIPT_PREFIX = "js.";
    private static final Map<Locale, String> FOR_SCRIPTS = new ConcurrentHashMap<>();

    private StudioMessages() {
    }

    public static String text(Locale locale, String key, Object... arguments) {
        var pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** {"key": "pattern", …} for the scripts, safe inside a {@code <script type="application/json">} element. */
    public static String forScripts(Locale locale) {
        return FOR_SCRIPTS.computeIfAbsent(locale, language -> {
            var bundle = ResourceBundle.getBundle(BUNDLE, language);
            var json = Json.createObjectBuilder();
            bundle.keySet().stream().filter(key -> key.startsWith(SCRIPT_PREFIX)).sorted()
                    .forEach(key -> json.add(key.substring(SCRIPT_PREFIX.length()), bundle.getString(key)));
            return StudioViews.json(json.build());
        });
    }
}
