package dev.chapitre.feeds.control;

import java.nio.charset.StandardCharsets;

/** Text cut to what a feed field may hold, measured in UTF-8 bytes as Apple measures it. */
final class FeedText {

    private static final String ELLIPSIS = "…";

    private FeedText() {
    }

    /** The text itself when it fits, else its longest prefix that fits with "…", cut between words where possible. */
    static String withinBytes(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        int budget = maxBytes - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        int space = text.lastIndexOf(' ', end);
        if (space > end * 3 / 4) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
