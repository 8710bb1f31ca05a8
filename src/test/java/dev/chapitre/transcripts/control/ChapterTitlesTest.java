package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChapterTitlesTest {

    static Cue cue(long start, String text) {
        return new Cue(start, start + 3000, Optional.empty(), text);
    }

    @Test
    void eachChapterGetsTheFirstWordsSaidAfterItsStartWithoutTheOpeningHesitations() {
        var cues = List.of(
                cue(0, "Euh, bonjour et bienvenue dans Épique."),
                cue(3000, "On parle de l'Élysée."),
                cue(60_200, "Alors, le premier ministre de 2017 arrive à Matignon avec une équipe resserrée et"),
                cue(63_000, "des ambitions."));
        var chapters = List.of(new Chapter(0, "Intro", null, null, true), new Chapter(60_000, "Chapitre 2", null, null, true),
                new Chapter(120_000, "Fin", null, null, true));

        var suggestions = ChapterTitles.suggest(chapters, cues);

        assertEquals(Optional.of("Bonjour et bienvenue dans Épique"), suggestions.get(0).title(), "stops at the end of the sentence");
        assertEquals(Optional.of("Le premier ministre de 2017 arrive à Matignon…"), suggestions.get(1).title(), "at most eight words");
        assertEquals(Optional.empty(), suggestions.get(2).title(), "nothing is said after the last start");
        assertEquals(2, suggestions.get(2).index());
    }

    @Test
    void aCueThatBeganJustBeforeTheMarkIsTheChaptersFirstWords() {
        var suggestions = ChapterTitles.suggest(List.of(new Chapter(10_000, "x", null, null, true)),
                List.of(cue(5000, "Avant."), cue(9700, "Deuxième partie : la réforme.")));
        assertEquals(Optional.of("Deuxième partie : la réforme"), suggestions.get(0).title());
    }
}
