package dev.chapitre.platform.entity;

import java.util.IllformedLocaleException;
import java.util.Locale;

/** The one rule for a language a show or a transcript is in: a BCP 47 tag, kept in its canonical form. */
public final class LanguageTag {

    public static final Message RULE = Message.of("platform.languageTag");
    /** RFC 5646 §4.4.1: 35 characters hold every tag that matters in practice. */
    public static final int MAX_LENGTH = 35;

    private LanguageTag() {
    }

    public static boolean isValid(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
            return false;
        }
        try {
            var locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
            return !locale.getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /** "fr-ca" → "fr-CA"; only for a tag {@link #isValid} accepted. */
    public static String canonical(String tag) {
        return Locale.forLanguageTag(tag.strip()).toLanguageTag();
    }

    public static Violations check(String field, String tag, Violations violations) {
        if (tag != null && !isValid(tag)) {
            violations.add(field, RULE);
        }
        return violations;
    }
}
