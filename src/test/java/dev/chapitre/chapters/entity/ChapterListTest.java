package dev.chapitre.chapters.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChapterListTest {

    @Test
    void sortsByStartTime() {
        var sorted = ChapterList.validated(List.of(new Chapter(5000, "B", null, null, true), new Chapter(0, "A", null, null, true)), 10_000);
        assertEquals(List.of("A", "B"), sorted.stream().map(Chapter::title).toList());
    }

    @Test
    void reportsEveryViolationWithItsIndex() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterList.validated(List.of(
                new Chapter(0, "ok", null, null, true),
                new Chapter(0, "same time", null, null, true),
                new Chapter(10_000, "at the end", null, null, true),
                new Chapter(1, "line\nbreak", "ftp://x", "https://", true)), 10_000));
        var found = invalid.violations().stream().map(v -> v.item().orElseThrow().index() + ":" + v.field()).toList();
        assertEquals(List.of("1:startTime", "2:startTime", "3:title", "3:url", "3:img"), found);
    }

    @Test
    void eachRuleIsSaidForItsChapterInEnglishAndInFrench() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterList.validated(List.of(
                new Chapter(0, "Intro", null, null, true),
                new Chapter(0, "Même moment", null, null, true),
                new Chapter(20_000, " ", "ftp://x", null, true)), 10_000));
        assertEquals(List.of("chapter 2: start time is the same as chapter 1's: two chapters cannot start together",
                "chapter 3: start time is at or after the end of the audio (00:00:20.000 ≥ 00:00:10.000)",
                "chapter 3: title is required",
                "chapter 3: url must be an absolute http or https URL of at most 2000 characters"),
                invalid.violations().stream().map(Violation::describe).toList());
        assertEquals("The chapters were not saved", invalid.summary().in(Locale.ENGLISH));
        assertEquals(List.of("Début (chapitre 2) : la même que celle du chapitre 1 : deux chapitres ne peuvent pas commencer au même moment",
                "Début (chapitre 3) : à la fin de l’audio ou au-delà (00:00:20.000 ≥ 00:00:10.000)",
                "Titre (chapitre 3) : obligatoire",
                "Lien (chapitre 3) : doit être une adresse http ou https complète d’au plus 2000 caractères"),
                invalid.descriptions().stream().map(rule -> rule.in(Locale.FRENCH)).toList());
        assertEquals("Les chapitres n’ont pas été enregistrés", invalid.summary().in(Locale.FRENCH));
    }

    @Test
    void tooManyChaptersAndTitlesAFeedCannotCarryAreSaidInBothLanguages() {
        var chapters = new ArrayList<Chapter>();
        for (int i = 0; i < 256; i++) {
            chapters.add(new Chapter(i * 10L, "C" + i, null, null, true));
        }
        var tooMany = assertThrows(InvalidInput.class, () -> ChapterList.validated(chapters, 1_000_000));
        assertEquals("chapters there are 256 chapters; an episode may have at most 255", tooMany.violations().get(0).describe());
        assertEquals("Chapitres : il y en a 256 ; un épisode en a au plus 255", tooMany.descriptions().get(0).in(Locale.FRENCH));
        var control = assertThrows(InvalidInput.class, () -> ChapterList.validated(List.of(new Chapter(0, "a\u0085b", null, null, true)),
                1000)).violations().get(0);
        assertEquals("chapter 1: title must not contain control characters (tabs, line breaks…)", control.describe());
        var surrogate = assertThrows(InvalidInput.class, () -> ChapterList.validated(List.of(new Chapter(0, "a\uD800", null, null, true)),
                1000)).violations().get(0);
        assertTrue(surrogate.describe().endsWith("(found U+D800 at position 2)"), surrogate.describe());
    }

    @Test
    void allows255ChaptersAndNotOneMore() {
        var chapters = new ArrayList<Chapter>();
        for (int i = 0; i < 255; i++) {
            chapters.add(new Chapter(i * 10L, "C" + i, null, null, true));
        }
        assertEquals(255, ChapterList.validated(chapters, 1_000_000).size());
        chapters.add(new Chapter(5000, "one too many", null, null, true));
        assertThrows(InvalidInput.class, () -> ChapterList.validated(chapters, 1_000_000));
    }

    @Test
    void titlesCountCharactersNotUtf16Units() {
        var emoji = "🎙️".repeat(120); // 240 code points, 360 UTF-16 units
        assertEquals(1, ChapterList.validated(List.of(new Chapter(0, emoji, null, null, true)), 1000).size());
    }

    @Test
    void titlesAndLinksMustBeTextAFeedCanCarry() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterList.validated(List.of(
                new Chapter(0, "lone \uD800 surrogate", null, null, true),
                new Chapter(1, "not a character \uFFFE", "https://example.org/" + "a".repeat(2000), "https://example.org/\uFFFF", true)), 10_000));
        var found = invalid.violations().stream().map(v -> v.item().orElseThrow().index() + ":" + v.field()).toList();
        assertEquals(List.of("0:title", "1:title", "1:url", "1:img"), found);
    }
}
