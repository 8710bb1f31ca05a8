package dev.chapitre.web.control;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/** The pages speak French or English: the listener's first preference among them, English otherwise. */
public final class Locales {

    public static final List<String> SUPPORTED = List.of("fr", "en");

    private Locales() {
    }

    /** {@code preferred}: the request's locales, most preferred first (as {@code ServletRequest.getLocales()}). */
    public static Locale choose(Enumeration<Locale> preferred) {
        for (var locale : Collections.list(preferred)) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
