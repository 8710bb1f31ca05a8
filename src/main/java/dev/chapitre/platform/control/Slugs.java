package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Violations;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe names: "Épique – Épisode 1" becomes "epique-episode-1". */
public final class Slugs {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private Slugs() {
    }

    public static String derive(String title) {
        var ascii = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae").replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
        var slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "untitled" : slug;
    }

    public static boolean isValid(String slug) {
        return slug != null && VALID.matcher(slug).matches();
    }

    /** The slug derived from {@code title}, numbered "-2", "-3"… until {@code taken} says it is free. */
    public static String firstFree(String title, java.util.function.Predicate<String> taken) {
        var base = derive(title);
        for (int n = 1; ; n++) {
            var candidate = numbered(base, n);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    /** The slug rule as a violation, for entities that check all their fields at once. */
    public static void check(String slug, Violations violations) {
        if (slug != null && !isValid(slug)) {
            violations.add("slug", "must be 1 to 64 of a-z, 0-9 and '-', not starting or ending with '-'");
        }
    }

    /** "name", "name-2", "name-3"… kept within the maximum length. */
    public static String numbered(String slug, int n) {
        if (n <= 1) {
            return slug;
        }
        var suffix = "-" + n;
        var stem = slug.length() + suffix.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH - suffix.length()) : slug;
        return stem.replaceAll("-+$", "") + suffix;
    }
}
