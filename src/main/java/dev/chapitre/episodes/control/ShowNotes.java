package dev.chapitre.episodes.control;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Show notes are HTML written by producers and shown by apps and our pages: kept to an allow-list
 * (jsoup's Safelist) of paragraphs, lists, emphasis, headings and http(s)/mailto links. Scripts,
 * event handlers, styles and javascript: URLs cannot pass.
 */
public final class ShowNotes {

    private static final Safelist ALLOWED = Safelist.basic()
            .addTags("h2", "h3", "h4")
            .removeProtocols("a", "href", "ftp")
            .addAttributes("a", "title");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private ShowNotes() {
    }

    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        return Jsoup.clean(html, "", ALLOWED, OUTPUT).strip();
    }

    /** The notes as plain text (ID3 comments, descriptions that do not take HTML). */
    public static String plainText(String html) {
        return html == null ? "" : Jsoup.parse(html).text();
    }

    /** The notes as text with a line per paragraph, list item or line break (timestamps are read line by line). */
    public static String textLines(String html) {
        if (html == null) {
            return "";
        }
        var document = Jsoup.parse(html);
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        document.select("br").after("\\n");
        document.select("p, li, div, h1, h2, h3, h4, h5, h6, tr, blockquote").before("\\n");
        var marked = Jsoup.clean(document.body().html(), "", Safelist.none(), new Document.OutputSettings().prettyPrint(false));
        return Parser.unescapeEntities(marked.replace("\\n", "\n"), false).strip();
    }
}
