package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebVttTest {

    /** As Descript and Auphonic export it: a header text, notes, a style block, identifiers, voices and markup. */
    private static final String DESCRIPT_LIKE = """
            WEBVTT - Épisode 12
            Kind: captions

            NOTE exporté par un outil
            sur deux lignes

            STYLE
            ::cue { color: yellow }

            1
            00:00:00.000 --> 00:00:03.500 align:start position:10%
            <v.host Marie Dupont>Bonjour et bienvenue à <i>Chapitre</i> !</v>

            intro-2
            00:03.500 --> 00:07.250
            <v Paul>Merci Marie. On parle d'<b>été</b> &amp; de <c.yellow>vacances</c>.
            Sur deux lignes&nbsp;: oui.

            00:00:07.250 --> 00:00:09.000
            <00:00:07.250><c>Mot</c> <00:00:08.000><c>à</c> mot, <ruby>漢<rt>kan</rt></ruby> &lt;3 &#233;&#x2014;
            """;

    @Test
    void readsTheCuesOfARealWorldFileWithTheirLines() {
        var parsed = WebVtt.read(DESCRIPT_LIKE);
        assertEquals(List.of(
                new Cue(0, 3_500, Optional.of("Marie Dupont"), "Bonjour et bienvenue à Chapitre !"),
                new Cue(3_500, 7_250, Optional.of("Paul"), "Merci Marie. On parle d'été & de vacances.\nSur deux lignes\u00A0: oui."),
                new Cue(7_250, 9_000, Optional.empty(), "Mot à mot, 漢 <3 é—")), parsed.cues());
        assertEquals(List.of(11, 15, 19), parsed.lines());
        assertEquals(List.of(), parsed.problems());
        assertEquals(TranscriptFormat.VTT, parsed.format());
    }

    @Test
    void aTimingThatDoesNotParseIsAProblemOnItsLineAndReadingGoesOn() {
        var parsed = WebVtt.read("""
                WEBVTT

                00:00:00.000 --> 00:00:01.000
                Un

                00:00:01,000 --> 00:00:02.000
                Deux

                00:00:02.000 --> 00:00:03.000
                Trois
                """);
        assertEquals(List.of("Un", "Trois"), parsed.cues().stream().map(Cue::text).toList());
        assertEquals(List.of(3, 9), parsed.lines());
        var problem = parsed.problems().get(0);
        assertEquals("'00:00:01,000 --> 00:00:02.000' does not parse: expected hh:mm:ss.ttt --> hh:mm:ss.ttt",
                problem.reason().toString());
        assertEquals(6, problem.item().orElseThrow().line().getAsInt());
    }

    @Test
    void minutesAndSecondsAreTwoDigitsBelowSixtyAndFractionsThree() {
        for (var timing : List.of("00:60.000 --> 01:00.000", "0:01.000 --> 00:02.000", "00:01.5 --> 00:02.000", "00:01.000->00:02.000")) {
            var parsed = WebVtt.read("WEBVTT\n\n" + timing + "\nTexte\n");
            assertEquals(List.of(), parsed.cues(), timing);
            assertEquals(1, parsed.problems().size(), timing);
        }
    }

    @Test
    void everyDefectIsReportedAtItsLineAndNothingIsReturned() {
        var parsed = WebVtt.read("""
                WEBVTT

                00:00:05.000 --> 00:00:04.000
                Fin avant le début

                00:00:01.000 --> 00:00:02.000
                Dans le désordre

                00:00:02.000 --> 00:00:03.000

                00:00:03.000 --> 00:01:30.000
                Après la fin

                00:00:04.000 --> 00:00:05:000
                Illisible
                """);
        var invalid = assertThrows(InvalidInput.class, () -> parsed.checked(60_000));
        assertEquals(List.of("cue 1 (line 3): end is before its start (00:00:04.000 vs 00:00:05.000): a cue must end after it starts",
                "cue 2 (line 6): start is before the start of the cue before it (00:00:01.000 < 00:00:05.000): cues must be in order",
                "cue 3 (line 9): text is empty: a cue needs words",
                "cue 4 (line 11): end is after the end of the audio (00:01:30.000 > 00:01:00.000)",
                "cue 5 (line 14): timing '00:00:04.000 --> 00:00:05:000' does not parse: expected hh:mm:ss.ttt --> hh:mm:ss.ttt"),
                invalid.violations().stream().map(Violation::describe).toList());
    }

    @Test
    void aCueThatCannotBeReadKeepsItsPlaceSoTheCuesAfterItAreNumberedAsInTheFile() {
        var parsed = WebVtt.read("""
                WEBVTT

                00:00:00.000 --> 00:00:01.000
                Bien.

                00:00:01.000 --> 00:00:0x.500
                Illisible.

                00:00:03.000 --> 00:00:02.000
                Finit avant de commencer.
                """);
        var invalid = assertThrows(InvalidInput.class, () -> parsed.checked(60_000));
        assertEquals(List.of("cue 2 (line 6): timing '00:00:01.000 --> 00:00:0x.500' does not parse: expected hh:mm:ss.ttt --> hh:mm:ss.ttt",
                "cue 3 (line 9): end is before its start (00:00:02.000 vs 00:00:03.000): a cue must end after it starts"),
                invalid.violations().stream().map(Violation::describe).toList());
        assertEquals(List.of("Minutage (réplique 2, ligne 6) : « 00:00:01.000 --> 00:00:0x.500 » est illisible : le format attendu est"
                        + " hh:mm:ss.ttt --> hh:mm:ss.ttt",
                "Fin (réplique 3, ligne 9) : avant le début (00:00:02.000 contre 00:00:03.000) : une réplique doit finir après avoir commencé"),
                invalid.descriptions().stream().map(rule -> rule.in(Locale.FRENCH)).toList());
        assertEquals("La transcription n’a pas été enregistrée", invalid.summary().in(Locale.FRENCH));
    }

    @Test
    void writesHoursAlwaysVoicesAndEscapedText() {
        var text = WebVtt.write(List.of(new Cue(0, 1_500, Optional.of("Marie <Dupont>"), "A & B < C"),
                new Cue(3_723_004, 3_724_000, Optional.empty(), "Deux\nlignes")));
        assertEquals("""
                WEBVTT

                00:00:00.000 --> 00:00:01.500
                <v Marie &lt;Dupont&gt;>A &amp; B &lt; C

                01:02:03.004 --> 01:02:04.000
                Deux
                lignes
                """, text);
        assertEquals(List.of(new Cue(0, 1_500, Optional.of("Marie <Dupont>"), "A & B < C"),
                new Cue(3_723_004, 3_724_000, Optional.empty(), "Deux\nlignes")), WebVtt.read(text).cues());
    }

    @Test
    void aLongCueIsWrittenAsConsecutiveCaptionsOfTwoLines() {
        var words = "Ceci est une très longue phrase qui ne tient pas sur deux lignes de soixante-cinq caractères, "
                + "alors elle est coupée en plusieurs sous-titres consécutifs, chacun avec son temps.";
        var text = WebVtt.write(List.of(new Cue(10_000, 20_000, Optional.of("Marie"), words)));
        var read = WebVtt.read(text).cues();
        assertEquals(2, read.size());
        assertEquals(10_000, read.get(0).startMs());
        assertEquals(read.get(0).endMs(), read.get(1).startMs());
        assertEquals(20_000, read.get(1).endMs());
        assertEquals(List.of(Optional.of("Marie"), Optional.of("Marie")), read.stream().map(Cue::speaker).toList());
        assertEquals(words, String.join(" ", read.stream().map(cue -> cue.text().replace('\n', ' ')).toList()));
    }

    @Test
    void aFileOfNothingButProblemsListsAHundredAndCountsTheRest() {
        var parsed = WebVtt.read("WEBVTT\n\n" + "x\n\n".repeat(100_000));
        var invalid = assertThrows(InvalidInput.class, () -> parsed.checked(60_000));
        assertEquals(ParsedTranscript.MAX_LISTED + 1, invalid.violations().size());
        assertEquals("file has 99900 more problem(s) than are listed here: fix these, then send it again",
                invalid.violations().get(ParsedTranscript.MAX_LISTED).describe());
    }
}
