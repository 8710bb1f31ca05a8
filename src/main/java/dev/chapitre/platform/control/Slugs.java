package dev.chapitre.platform.control;

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
