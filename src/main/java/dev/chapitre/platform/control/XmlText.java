package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import java.util.Optional;

/**
 * What text may hold so that a feed (XML 1.0) can carry it: no C0 control characters other than
 * tab, line feed and carriage return, no DEL or C1 controls (allowed by XML 1.0 but "discouraged",
 * invisible, and refused by XML 1.1 readers), no lone surrogates, no U+FFFE or U+FFFF.
 */
public final class XmlText {


    private XmlText() {
    }

    public static boolean isAllowed(int codePoint) {
        if (codePoint == '\t' || codePoint == '\n' || codePoint == '\r') {
            return true;
        }
        return codePoint >= 0x20 && !(codePoint >= 0x7F && codePoint <= 0x9F)
                && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) // pairs arrive as one code point
                && codePoint != 0xFFFE && codePoint != 0xFFFF;
    }

    /** The first character that is not allowed, described for a log ("U+0001 at position 3"). */
    public static Optional<String> firstForbidden(String text) {
        return forbidden(text).map(found -> found[0] + " at position " + found[1]);
    }

    /**
     * The rule {@code text} breaks, naming its first character that is not allowed and where
     * ("… (found U+0001 at position 3)"); empty when a feed can carry it.
     */
    public static Optional<Message> rule(String text) {
        return forbidden(text).map(found -> Message.of("platform.xmlText", found[0], found[1]));
    }

    /** The first character not allowed, "U+0001", and its position counted in characters from 1. */
    private static Optional<String[]> forbidden(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isAllowed(codePoint)) {
                return Optional.of(new String[] {String.format("U+%04X", codePoint), String.valueOf(text.codePointCount(0, i) + 1)});
            }
            i += Character.charCount(codePoint);
        }
        return Optional.empty();
    }

    /** The text without the characters that are not allowed: for writing what an older version let in. */
    public static String withoutForbidden(String text) {
        if (text == null || firstForbidden(text).isEmpty()) {
            return text;
        }
        var clean = new StringBuilder(text.length());
        text.codePoints().filter(XmlText::isAllowed).forEach(clean::appendCodePoint);
        return clean.toString();
    }
}
