package dev.chapitre.transcripts.control;

import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.platform.control.HtmlText;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The transcript as a readable HTML document, in the layout the Podcasting 2.0 transcript guide
 * gives for {@code text/html} (a {@code <cite>} for the speaker, a {@code <time>} and a {@code <p>}
 * per paragraph), so apps that read HTML transcripts find the speakers; chapter titles are headings.
 * No script and no style: it stands alone, in the published tree as behind the application.
 */
public final class TranscriptPage {

    public static final String MEDIA_TYPE = "text/html;charset=utf-8";

    /** What the page says about the episode it belongs to. */
    public record Heading(String showTitle, String episodeTitle, String episodePageUrl) {
    }

    private TranscriptPage() {
    }

    public static String write(Heading heading, String language, List<ReadingView.Section> sections) {
        var label = language.toLowerCase(Locale.ROOT).startsWith("fr") ? "Transcription" : "Transcript";
        var html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(HtmlText.escaped(language)).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(HtmlText.escaped(label + " — " + heading.episodeTitle())).append("</title>\n</head>\n<body>\n<h1>")
                .append(HtmlText.escaped(heading.episodeTitle())).append("</h1>\n<p><a href=\"").append(HtmlText.escaped(heading.episodePageUrl()))
                .append("\">").append(HtmlText.escaped(heading.showTitle())).append("</a></p>\n");
        for (var section : sections) {
            section.chapter().ifPresent(chapter -> html.append("<h2><time>").append(ChapterTime.clock(chapter.startMs())).append("</time> ")
                    .append(HtmlText.escaped(chapter.title())).append("</h2>\n"));
            for (var paragraph : section.paragraphs()) {
                if (paragraph.opensTurn()) {
                    html.append("<cite>").append(HtmlText.escaped(paragraph.speaker().orElseThrow())).append(":</cite>\n");
                }
                html.append("<time>").append(ChapterTime.clock(paragraph.startMs())).append("</time>\n<p>")
                        .append(paragraph.cues().stream().map(Cue::text).map(HtmlText::escaped).collect(Collectors.joining(" ")))
                        .append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }
}
