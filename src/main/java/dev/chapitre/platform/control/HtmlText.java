package dev.chapitre.platform.control;

/**
 * Text written into HTML by the platform itself rather than through a JSP's {@code c:out}: as
 * {@code fn:escapeXml} escapes it, safe in an element or a quoted attribute. Line breaks become
 * spaces: a cue's lines are one sentence when read.
 */
public final class HtmlText {

    private HtmlText() {
    }

    public static StringBuilder append(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&#034;");
                case '\'' -> out.append("&#039;");
                case '\r', '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out;
    }

    public static String escaped(String text) {
        return append(new StringBuilder(text.length() + 16), text).toString();
    }
}
