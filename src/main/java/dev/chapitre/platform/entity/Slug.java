package dev.chapitre.platform.entity;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The name of a show or episode in its addresses ("Épique – Épisode 1" becomes
 * "epique-episode-1"), with the one rule every slug obeys: 1 to 64 of a-z, 0-9 and '-', not
 * starting or ending with '-'. The entities check it, and the servlets that take slugs out of a
 * path match {@link #PATTERN}, so an address no slug can have is never looked up.
 */
public record Slug(String value) {

    public static final int MAX_LENGTH = 64;
    /**
     * The rule as a regular expression. The '-' in the class is escaped so that browsers accept
     * it too as an HTML {@code pattern} (compiled with the v flag, where a bare '-' is an error).
     */
    public static final String PATTERN = "[a-z0-9](?:[a-z0-9\\-]{0," + (MAX_LENGTH - 2) + "}[a-z0-9])?";
    /** One slug in a path, as a capturing group. */
    public static final String CAPTURE = "(" + PATTERN + ")";
    public static final Message RULE = Message.of("platform.slug", MAX_LENGTH);
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Slug {
        if (!isValid(value)) {
            throw new InvalidInput(Message.of("platform.slug.invalid"), List.of(new Violation("slug", RULE)));
        }
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    /** The slug rule as a violation of {@code field}, for entities that check all their fields at once; absent is no violation. */
    public static void check(String field, String slug, Violations violations) {
        if (slug != null && !isValid(slug)) {
            violations.add(field, RULE);
        }
    }

    /** A slug from any title: accents dropped, everything else not a-z or 0-9 a '-'; "untitled" when nothing is left. */
    public static Slug derive(String title) {
        var ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
        var slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return new Slug(slug.isEmpty() ? "untitled" : slug);
    }

    /** The slug derived from {@code title}, numbered "-2", "-3"… until {@code taken} says it is free. */
    public static Slug firstFree(String title, Predicate<String> taken) {
        var base = derive(title);
        for (int n = 1; ; n++) {
            var candidate = base.numbered(n);
            if (!taken.test(candidate.value)) {
                return candidate;
            }
        }
    }

    /** "name", "name-2", "name-3"… kept within the maximum length. */
    public Slug numbered(int n) {
        if (n <= 1) {
            return this;
        }
        var suffix = "-" + n;
        var stem = value.length() + suffix.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH - suffix.length()) : value;
        return new Slug(stem.replaceAll("-+$", "") + suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
