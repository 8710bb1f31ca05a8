package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimestampedTextTest {

    @Test
    void readsMacWhisperLikeParagraphsWhereEachCueEndsWhenTheNextStarts() {
        var parsed = TimestampedText.read("""
                [00:00:00] Marie: Bonjour et bienvenue.
                On commence tout de suite.

                [00:00:04.250] Paul: Merci Marie.
                (00:00:07) Je suis ravi d'être là.
                00:01:02 Marie: Parfait.
                [01:05] - Une dernière chose.
                """);
        assertEquals(List.of(new Cue(0, 4_250, Optional.of("Marie"), "Bonjour et bienvenue.\nOn commence tout de suite."),
                new Cue(4_250, 7_000, Optional.of("Paul"), "Merci Marie."),
                new Cue(7_000, 62_000, Optional.of("Paul"), "Je suis ravi d'être là."),
                new Cue(62_000, 65_000, Optional.of("Marie"), "Parfait."),
                new Cue(65_000, ParsedTranscript.OPEN_END, Optional.of("Marie"), "Une dernière chose.")), parsed.cues());
        assertEquals(List.of(1, 4, 5, 6, 7), parsed.lines());
    }

    @Test
    void theLastCueEndsWithTheAudio() {
        var cues = TimestampedText.read("[00:00:00] Un\n[00:00:02] Deux\n").checked(5_000);
        assertEquals(List.of(new Cue(0, 2_000, Optional.empty(), "Un"), new Cue(2_000, 5_000, Optional.empty(), "Deux")), cues);
    }

    @Test
    void textBeforeTheFirstTimestampOutOfOrderAndBeyondTheAudioAreReportedByLine() {
        var parsed = TimestampedText.read("""
                Transcription de l'épisode 4
                Réalisée à la main

                [00:00:10] Deux
                [00:00:05] Un
                [00:00:08]
                [00:02:00] Trop tard
                """);
        var invalid = assertThrows(InvalidInput.class, () -> parsed.checked(60_000));
        assertEquals(List.of(
                "cue 1 (line 1): text line 1 comes before the first timestamp: start the file with one, e.g. [00:00:00]",
                "cue 1 (line 4): end is before its start (00:00:05.000 vs 00:00:10.000): a cue must end after it starts",
                "cue 2 (line 5): start is before the start of the cue before it (00:00:05.000 < 00:00:10.000): cues must be in order",
                "cue 3 (line 6): end is after the end of the audio (00:02:00.000 > 00:01:00.000)",
                "cue 3 (line 6): text is empty: a cue needs words",
                "cue 4 (line 7): start is at or after the end of the audio (00:02:00.000 ≥ 00:01:00.000)"),
                invalid.violations().stream().map(Violation::describe).toList());
    }

    @Test
    void writesTheNameWhenTheSpeakerChangesAndReadsBackTheSameStartsAndSpeakers() {
        var cues = List.of(new Cue(0, 2_000, Optional.of("Marie"), "Bonjour."),
                new Cue(2_000, 4_500, Optional.of("Marie"), "Bienvenue."),
                new Cue(4_500, 9_000, Optional.of("Paul"), "Merci."));
        var text = TimestampedText.write(cues);
        assertEquals("""
                [00:00:00] Marie: Bonjour.
                [00:00:02] Bienvenue.

                [00:00:04.500] Paul: Merci.
                """, text);
        assertEquals(cues, TimestampedText.read(text).checked(9_000));
    }

    @Test
    void aSingleSpeakerIsNamedOnEveryCueSoThatItReadsBack() {
        var cues = List.of(new Cue(0, 2_000, Optional.of("Marie"), "Bonjour."), new Cue(2_000, 4_000, Optional.of("Marie"), "Seule."));
        assertEquals(cues, TimestampedText.read(TimestampedText.write(cues)).checked(4_000));
    }

    @Test
    void twoLinesAtTheSameSecondAreToldAsSuch() {
        var parsed = TimestampedText.read("[00:01:02] Léa: Oui.\n[00:01:02] Marc: Non.\n[00:01:05] Léa: Bon.\n");
        var invalid = org.junit.jupiter.api.Assertions.assertThrows(dev.chapitre.platform.entity.InvalidInput.class,
                () -> parsed.checked(600_000));
        assertEquals(1, invalid.violations().size(), invalid.violations().toString());
        assertEquals("cue 2 (line 2): start is the same as the line before's (00:01:02.000): each timestamped line needs a time of its own;"
                + " join the two lines or give this one its time", invalid.violations().get(0).describe());
    }
}
