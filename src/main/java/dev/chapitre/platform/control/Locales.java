package dev.chapitre.platform.control;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Chapitre speaks French or English: the reader's first preference among them, English otherwise
 * (also when they state none). The pages choose by the request's locales, the API by its
 * acceptable languages; both come most preferred first.
 */
public final class Locales {

    public static final List<String> SUPPORTED = List.of("fr", "en");

    private Locales() {
    }

    /** {@code preferred}: the request's locales, most preferred first (as {@code ServletRequest.getLocales()}). */
    public static Locale choose(Enumeration<Locale> preferred) {
        return choose(Collections.list(preferred));
    }

    /** {@code preferred}: most preferred first (as JAX-RS's {@code HttpHeaders.getAcceptableLanguages()}; "*" is no preference). */
    public static Locale choose(List<Locale> preferred) {
        for (var locale : preferred) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }
}
