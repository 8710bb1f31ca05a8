package dev.chapitre.chapters.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChapterFormatTest {

    @Test
    void youtubeTimestampsInEveryCommonShape() {
        var parsed = ChapterFormat.YOUTUBE.read("\uFEFF0:00 Intro\r\n12:34 - Le 1er PM : débuts\r\n\r\n(1:02:03) Coulisses\r\n"
                + "[1:39:59] – Presque deux heures\n125:30 | Minutes au-delà d'une heure\n2:00:00.5 Avec des millièmes");
        assertEquals(List.of(0L, 754_000L, 3_723_000L, 5_999_000L, 7_530_000L, 7_200_500L), starts(parsed.chapters()));
        assertEquals(List.of("Intro", "Le 1er PM : débuts", "Coulisses", "Presque deux heures", "Minutes au-delà d'une heure",
                "Avec des millièmes"), titles(parsed.chapters()));
        assertEquals(List.of(1, 2, 4, 5, 6, 7), parsed.lines(), "line numbers count blank lines");
    }

    @Test
    void aLineThatIsNotATimestampIsReportedByItsNumber() {
        var invalid = assertThrows(InvalidInput.class, () -> ChapterFormat.YOUTUBE.read("0:00 Intro\nNotes de l'épisode\n1:60 Mauvais"));
        assertEquals(List.of("line 2", "line 3"), invalid.violations().stream().map(Violation::field).toList());
        assertEquals("line 2 does not start with a time such as '0:00', '12:34' or '1:02:03': Notes de l'épisode",
                invalid.violations().get(0).describe());
    }

    @Test
    void missingTitlesDuplicateAndOutOfRangeTimesAreBrokenRulesWithTheirLines() {
        var parsed = ChapterFormat.YOUTUBE.read("0:00\n0:30 Deux\n0:30 Même temps\n9:59 Trop loin");
        var invalid = assertThrows(InvalidInput.class, () -> ChapterList.validated(parsed.chapters(), 300_000));
        var byLine = invalid.violations().stream().map(v -> "line " + parsed.lines().get(v.item().orElseThrow().index()) + " " + v.field()).toList();
        assertTrue(byLine.containsAll(List.of("line 1 title", "line 3 startTime", "line 4 startTime")), byLine.toString());
    }

    @Test
    void audacityLabelsWithPointsOrCommasAndFrequencyLines() {
        var parsed = ChapterFormat.AUDACITY.read("0.000000\t0.000000\tIntro\r\n754,500000\t760,000000\tLa suite\n\\\t100\t200\n"
                + "6000.25\t6000.25\tAprès 100 minutes\n");
        assertEquals(List.of(0L, 754_500L, 6_000_250L), starts(parsed.chapters()));
        assertEquals(List.of(1, 2, 4), parsed.lines());
        var invalid = assertThrows(InvalidInput.class, () -> ChapterFormat.AUDACITY.read("0 Intro"));
        assertEquals("line 1", invalid.violations().get(0).field());
    }

    @Test
    void showNotesYieldTheirTimestampedLinesAndSkipTheProse() {
        var notes = "<p>Dans cet épisode :</p><ul><li>0:00 Intro</li><li>12:34 – La suite &amp; la fin</li></ul>"
                + "<p>1:02:03 Conclusion<br>Merci d'avoir écouté, à 20:00 demain.</p>";
        var parsed = ChapterFormat.SHOWNOTES.read(ShowNotes.textLines(notes));
        assertEquals(List.of("Intro", "La suite & la fin", "Conclusion"), titles(parsed.chapters()));
        assertEquals(List.of(0L, 754_000L, 3_723_000L), starts(parsed.chapters()));
    }

    @Test
    void everyFormatReadsBackWhatItWrites() {
        var chapters = List.of(new Chapter(0, "Intro", null, null, true), new Chapter(754_000, "La suite – « deux »", null, null, true),
                new Chapter(6_000_000, "Après 100 minutes", null, null, true));
        for (var format : ChapterFormat.values()) {
            var again = format.read(format.write(chapters)).chapters();
            assertEquals(starts(chapters), starts(again), format.id());
            assertEquals(titles(chapters), titles(again), format.id());
        }
        assertEquals("0:00:00 Intro\n0:12:34 La suite – « deux »\n1:40:00 Après 100 minutes\n", ChapterFormat.YOUTUBE.write(chapters));
        assertEquals("754.000000\t754.000000\tLa suite – « deux »", ChapterFormat.AUDACITY.write(chapters).lines().toList().get(1));
        assertEquals(ChapterFormat.YOUTUBE, ChapterFormat.byId("youtube").orElseThrow());
        assertTrue(ChapterFormat.byId("srt").isEmpty());
    }

    private static List<Long> starts(List<Chapter> chapters) {
        return chapters.stream().map(Chapter::startMs).toList();
    }

    private static List<String> titles(List<Chapter> chapters) {
        return chapters.stream().map(Chapter::title).toList();
    }
}
