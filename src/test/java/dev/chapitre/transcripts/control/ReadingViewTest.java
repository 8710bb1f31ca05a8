package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadingViewTest {

    static Cue cue(long start, long end, String speaker, String text) {
        return new Cue(start, end, Optional.ofNullable(speaker), text);
    }

    @Test
    void chapterTitlesHeadTheCuesFromTheirStartAndSpeakersOpenTheirTurns() {
        var cues = List.of(
                cue(0, 2000, "Léa", "Bonjour à tous."),
                cue(2000, 4000, "Léa", "Aujourd'hui, l'Élysée."),
                cue(4000, 6000, "Marc", "Merci Léa."),
                cue(10_500, 12_000, "Marc", "Revenons en 2017."),
                cue(12_000, 14_000, "Léa", "Le premier ministre…"));
        var chapters = List.of(new Chapter(0, "Introduction", null, null, true), new Chapter(10_000, "1. 2017 – 1er PM", null, null, true));

        var sections = ReadingView.of(cues, chapters);

        assertEquals(2, sections.size());
        assertEquals("Introduction", sections.get(0).chapter().orElseThrow().title());
        assertEquals("1. 2017 – 1er PM", sections.get(1).chapter().orElseThrow().title());
        var intro = sections.get(0).paragraphs();
        assertEquals(2, intro.size(), "Léa's two cues, then Marc's");
        assertEquals(Optional.of("Léa"), intro.get(0).speaker());
        assertTrue(intro.get(0).opensTurn());
        assertEquals(2, intro.get(0).cues().size());
        assertTrue(intro.get(1).opensTurn());
        var second = sections.get(1).paragraphs();
        assertEquals(10_500, second.get(0).startMs());
        assertTrue(second.get(0).opensTurn(), "a chapter names its first speaker again, even when they were speaking before");
        assertEquals(Optional.of("Léa"), second.get(1).speaker());
    }

    @Test
    void aLongMonologueIsCutIntoParagraphsAtPausesAndEveryFewCuesWithoutNamingTheSpeakerAgain() {
        var cues = new ArrayList<Cue>();
        for (int i = 0; i < 20; i++) {
            long start = i * 3000L + (i >= 5 ? 5000 : 0); // a 7 s pause before the sixth cue
            cues.add(cue(start, start + 2000, "Marc", "Phrase " + i + "."));
        }

        var paragraphs = ReadingView.of(cues, List.of()).get(0).paragraphs();

        assertEquals(5, paragraphs.get(0).cues().size(), "the pause ends the first paragraph");
        assertEquals(ReadingView.MAX_CUES_PER_PARAGRAPH, paragraphs.get(1).cues().size());
        assertTrue(paragraphs.get(0).opensTurn());
        assertFalse(paragraphs.get(1).opensTurn());
        assertEquals(20, paragraphs.stream().mapToInt(p -> p.cues().size()).sum());
    }

    @Test
    void cuesBeforeTheFirstChapterHaveNoHeadingAndHiddenChaptersMakeNone() {
        var cues = List.of(cue(0, 1000, null, "Générique."), cue(5000, 6000, null, "Suite."), cue(9000, 9500, null, "Fin."));
        var chapters = List.of(new Chapter(4000, "Partie", null, null, true), new Chapter(8000, "Marqueur", null, null, false));

        var sections = ReadingView.of(cues, chapters);

        assertEquals(2, sections.size());
        assertEquals(Optional.empty(), sections.get(0).chapter());
        assertEquals("Partie", sections.get(1).chapter().orElseThrow().title());
        assertEquals(2, sections.get(1).paragraphs().stream().mapToInt(p -> p.cues().size()).sum());
        assertFalse(sections.get(0).paragraphs().get(0).opensTurn(), "no speaker, no name to show");
    }
}
