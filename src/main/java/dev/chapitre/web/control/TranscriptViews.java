package dev.chapitre.web.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.control.HtmlText;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.transcripts.boundary.StoredTranscript;
import dev.chapitre.transcripts.control.ReadingView;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.web.control.Views.Link;
import dev.chapitre.web.control.Views.TranscriptParagraph;
import dev.chapitre.web.control.Views.TranscriptSection;
import dev.chapitre.web.control.Views.TranscriptView;
import java.util.List;
import java.util.Optional;

/**
 * A transcript laid out to read along on the episode page ({@link ReadingView}): each cue a span that
 * says when it is said, with an id to link to ({@code cue-754500}: its start in milliseconds, and
 * {@code -2}, {@code -3}… for cues that start together), rendered here once rather than tag by tag.
 */
final class TranscriptViews {

    private static final List<String[]> FORMATS = List.of(new String[] {"vtt", "WebVTT"}, new String[] {"srt", "SRT"},
            new String[] {"json", "JSON"}, new String[] {"html", "HTML"});

    private long lastStart = -1;
    private int sameStart;

    private TranscriptViews() {
    }

    static TranscriptView of(String base, Episode episode, StoredTranscript transcript) {
        var podcast = episode.podcast().slug();
        var downloads = FORMATS.stream()
                .map(f -> new Link(f[1], base + PublicPaths.transcript(podcast, episode.slug(), f[0]))).toList();
        var views = new TranscriptViews();
        var sections = ReadingView.of(transcript.cues(), episode.chapters()).stream().map(section -> new TranscriptSection(
                section.chapter().map(Chapter::title).orElse(""),
                section.chapter().map(c -> ChapterTime.toSeconds(c.startMs())).orElse(0.0),
                section.chapter().map(c -> Formats.clock(c.startMs())).orElse(""),
                section.paragraphs().stream().map(paragraph -> {
                    var speaker = paragraph.opensTurn() ? paragraph.speaker() : Optional.<String>empty();
                    return new TranscriptParagraph(ChapterTime.toSeconds(paragraph.startMs()), Formats.clock(paragraph.startMs()),
                            speaker.orElse(""), speaker.map(transcript.speakers()::get).flatMap(Person::href).orElse(""),
                            views.spans(paragraph.cues()));
                }).toList())).toList();
        return new TranscriptView(transcript.language(), sections, downloads);
    }

    private String spans(List<Cue> cues) {
        var html = new StringBuilder(cues.size() * 120);
        for (var cue : cues) {
            if (!html.isEmpty()) {
                html.append(' ');
            }
            sameStart = cue.startMs() == lastStart ? sameStart + 1 : 1;
            lastStart = cue.startMs();
            html.append("<span id=\"cue-").append(cue.startMs()).append(sameStart > 1 ? "-" + sameStart : "")
                    .append("\" data-start=\"").append(ChapterTime.toSeconds(cue.startMs()))
                    .append("\" data-end=\"").append(ChapterTime.toSeconds(cue.endMs())).append("\">");
            HtmlText.append(html, cue.text());
            html.append("</span>");
        }
        return html.toString();
    }
}
