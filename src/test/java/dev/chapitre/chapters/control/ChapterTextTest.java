package dev.chapitre.chapters.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChapterTextTest {

    @Test
    void readsTheMp4chapsFormWithBomCrlfFractionsAndLinks() {
        var parsed = ChapterText.read("\uFEFF00:00:00.000 Intro\r\n\r\n00:01:02.5 Deux – « É » <https://example.org/x>\r\n101:00:00 Long\r\n");
        assertEquals(List.of(new Chapter(0, "Intro", null, null, true),
                new Chapter(62_500, "Deux – « É »", "https://example.org/x", null, true),
                new Chapter(363_600_000, "Long", null, null, true)), parsed.chapters());
        assertEquals(List.of(1, 3, 4), parsed.lines());
    }

    @Test
    void aLineWithoutATimeIsReportedByLineNumber() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterText.read("00:00:00 A\nnope\n1:2:3 B"));
        var fields = invalid.violations().stream().map(Violation::field).toList();
        assertEquals(List.of("line 2", "line 3"), fields);
    }

    @Test
    void aMissingTitleParsesAndIsLeftToTheRules() {
        var parsed = ChapterText.read("00:00:05");
        assertEquals("", parsed.chapters().get(0).title());
        var invalid = assertThrows(InvalidInput.class, () -> ChapterList.validated(parsed.chapters(), 60_000));
        assertEquals("title", invalid.violations().get(0).field());
    }

    @Test
    void writesWhatItReads() {
        var chapters = List.of(new Chapter(0, "Un", null, null, true), new Chapter(3_723_004, "Deux", "https://e.org", null, true));
        var text = ChapterText.write(chapters);
        assertEquals("00:00:00.000 Un\n01:02:03.004 Deux <https://e.org>\n", text);
        assertEquals(chapters, ChapterText.read(text).chapters());
    }

    @Test
    void aBodyThatIsNoChaptersDocumentIsSaidInTheReadersLanguage() {
        var array = assertThrows(ChapterFormatException.class, () -> ChapterJson.read("[]"));
        assertEquals("A chapters document is a JSON object: {\"version\":\"1.2.0\",\"chapters\":[…]}.", array.getMessage());
        assertEquals("Un document de chapitres est un objet JSON : {\"version\":\"1.2.0\",\"chapters\":[…]}.",
                array.reason().in(Locale.FRENCH));
        var noList = assertThrows(ChapterFormatException.class, () -> ChapterJson.read("{}"));
        assertEquals("The document has no \"chapters\" array.", noList.getMessage());
        assertEquals("Le document n’a pas de tableau « chapters ».", noList.reason().in(Locale.FRENCH));
        assertTrue(assertThrows(ChapterFormatException.class, () -> ChapterJson.read("{")).getMessage().startsWith("The body is not valid JSON: "));
    }

    @Test
    void shapeErrorsAreSaidByChapterAndField() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterJson.read(
                "{\"chapters\":[1,{\"title\":\"x\"},{\"startTime\":\"1\"},{\"startTime\":1,\"title\":2,\"toc\":\"yes\",\"endTime\":\"2\"}]}"));
        assertEquals(List.of("chapter 1: chapter must be an object", "chapter 2: start time is required",
                "chapter 3: start time must be a number of seconds", "chapter 4: title must be a string", "chapter 4: toc must be true or false",
                "chapter 4: end time must be a number of seconds"), invalid.violations().stream().map(Violation::describe).toList());
        assertEquals(List.of("Chapitre (chapitre 1) : doit être un objet", "Début (chapitre 2) : obligatoire",
                "Début (chapitre 3) : doit être un nombre de secondes", "Titre (chapitre 4) : doit être une chaîne de caractères",
                "Table des matières (chapitre 4) : doit valoir true ou false", "Fin (chapitre 4) : doit être un nombre de secondes"),
                invalid.descriptions().stream().map(rule -> rule.in(Locale.FRENCH)).toList());
    }

    @Test
    void aLineNotOfTheFormSaysWhatItShouldBe() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterText.read("nope"));
        assertEquals("The chapters were not saved: line 1 is not 'HH:MM:SS[.mmm] Title [<https://link>]': nope", invalid.getMessage());
        assertEquals("ne suit pas la forme « HH:MM:SS[.mmm] Titre [<https://lien>] » : nope", invalid.violations().get(0).reason().in(Locale.FRENCH));
    }

    @Test
    void jsonSecondsKeepMilliseconds() {
        assertEquals("12", ChapterJson.seconds(12_000).toPlainString());
        assertEquals("12.345", ChapterJson.seconds(12_345).toString());
        assertEquals("0.001", ChapterJson.seconds(1).toString());
        var read = ChapterJson.read("{\"chapters\":[{\"startTime\":4.123,\"title\":\"x\",\"toc\":false}]}");
        assertEquals(4123, read.get(0).startMs());
        assertTrue(!read.get(0).toc());
    }
}
