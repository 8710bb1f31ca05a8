package dev.chapitre.transcripts.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A transcript laid out to be read rather than captioned: a section per chapter (headed by its
 * title, opened at the first cue at or after its start), paragraphs by speaker, and a new paragraph
 * also after a long pause or many cues, so that a monologue does not become one wall of text. The
 * episode page and the HTML transcript are drawn from it.
 */
public final class ReadingView {

    /** A silence this long between two cues of one speaker starts a new paragraph. */
    static final long PAUSE_MS = 2000;
    /** Subtitle-sized cues of about a sentence each: eight make a paragraph. */
    static final int MAX_CUES_PER_PARAGRAPH = 8;

    /** The cues under one chapter heading; before the first chapter, none. */
    public record Section(Optional<Chapter> chapter, List<Paragraph> paragraphs) {
    }

    /** {@code opensTurn}: the first paragraph of a speaker's turn, where their name is shown. */
    public record Paragraph(Optional<String> speaker, boolean opensTurn, List<Cue> cues) {

        public long startMs() {
            return cues.get(0).startMs();
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private List<Paragraph> paragraphs = new ArrayList<>();
    private List<Cue> paragraph = new ArrayList<>();
    private Optional<Chapter> chapter = Optional.empty();
    private boolean newTurn = true;

    private ReadingView() {
    }

    /** {@code chapters} sorted by start; those hidden from the table of contents make no heading. */
    public static List<Section> of(List<Cue> cues, List<Chapter> chapters) {
        var view = new ReadingView();
        var headings = chapters.stream().filter(Chapter::toc).toList();
        int next = 0;
        for (var cue : cues) {
            Optional<Chapter> opened = Optional.empty();
            while (next < headings.size() && headings.get(next).startMs() <= cue.startMs()) {
                opened = Optional.of(headings.get(next++));
            }
            view.add(cue, opened);
        }
        view.closeParagraph();
        view.closeSection();
        return List.copyOf(view.sections);
    }

    private void add(Cue cue, Optional<Chapter> opened) {
        if (opened.isPresent()) {
            closeParagraph();
            closeSection();
            chapter = opened;
            newTurn = true;
        } else if (!paragraph.isEmpty()) {
            var previous = paragraph.get(paragraph.size() - 1);
            if (!Objects.equals(previous.speaker(), cue.speaker())) {
                closeParagraph();
                newTurn = true;
            } else if (cue.startMs() - previous.endMs() >= PAUSE_MS || paragraph.size() >= MAX_CUES_PER_PARAGRAPH) {
                closeParagraph();
            }
        }
        paragraph.add(cue);
    }

    private void closeParagraph() {
        if (!paragraph.isEmpty()) {
            var speaker = paragraph.get(0).speaker();
            paragraphs.add(new Paragraph(speaker, newTurn && speaker.isPresent(), List.copyOf(paragraph)));
            paragraph = new ArrayList<>();
            newTurn = false;
        }
    }

    private void closeSection() {
        if (!paragraphs.isEmpty()) {
            sections.add(new Section(chapter, List.copyOf(paragraphs)));
            paragraphs = new ArrayList<>();
        }
    }
}
