package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptFormatTest {

    /** An Auphonic-like export: a jingle before the voices, French text, times off the second, one cue after an hour. */
    private static final String AUPHONIC_LIKE = """
            WEBVTT

            00:00:00.000 --> 00:00:01.000
            Générique.

            00:00:01.000 --> 00:00:02.345
            <v Marie>Bonjour à tous, et bienvenue dans « Chapitre ».

            00:00:02.345 --> 00:00:05.001
            <v Marie>Aujourd'hui : l'été, la mer &amp; les livres.

            00:00:05.001 --> 00:00:09.999
            <v Paul>Merci Marie.
            Ravi d'être là.

            01:00:00.000 --> 01:00:01.234
            <v Paul>À bientôt !
            """;

    @Test
    void theFormatIsToldByTheContent() {
        var table = List.of(
                List.of("WEBVTT\n\n00:00.000 --> 00:01.000\nUn", "vtt"),
                List.of("WEBVTT - titre\n", "vtt"),
                List.of("\n\n  {\"segments\":[]}", "json"),
                List.of("1\n00:00:00,000 --> 00:00:01,000\nUn\n", "srt"),
                List.of("00:00:00.000 --> 00:00:01.000\nSans en-tête ni numéro\n", "srt"),
                List.of("[00:00:00] Bonjour", "txt"),
                List.of("(00:01) Bonjour", "txt"),
                List.of("Épisode 3\n00:00:05 Marie: Bonjour", "txt"));
        for (var row : table) {
            assertEquals(TranscriptFormat.byId(row.get(1)), TranscriptFormat.detect(row.get(0)), row.get(0));
        }
        for (var none : List.of("", "  \n", "Juste du texte.\nSans temps.", "WEBVTTX", "1\nDeux\n", "10:30 on s'est vus")) {
            assertEquals(Optional.empty(), TranscriptFormat.detect(none), none);
        }
    }

    @Test
    void idsMediaTypesAndExtensions() {
        assertEquals(List.of("vtt", "srt", "json", "txt"), List.of(TranscriptFormat.values()).stream().map(TranscriptFormat::id).toList());
        assertEquals(List.of("text/vtt", "application/x-subrip", "application/json", "text/plain"),
                List.of(TranscriptFormat.values()).stream().map(TranscriptFormat::mediaType).toList());
        assertEquals("srt", TranscriptFormat.SRT.extension());
        assertEquals(Optional.of(TranscriptFormat.TEXT), TranscriptFormat.byId("txt"));
        assertEquals(Optional.empty(), TranscriptFormat.byId("TXT"));
    }

    @Test
    void vttCuesComeBackTheSameFromEveryFormat() {
        long duration = 3_601_234;
        var cues = TranscriptFormat.VTT.read(AUPHONIC_LIKE).checked(duration);
        assertEquals(5, cues.size());
        assertEquals(new Cue(2_345, 5_001, Optional.of("Marie"), "Aujourd'hui : l'été, la mer & les livres."), cues.get(2));
        for (var format : List.of(TranscriptFormat.VTT, TranscriptFormat.SRT, TranscriptFormat.JSON)) {
            assertEquals(cues, format.read(format.write(cues)).checked(duration), format.id());
        }
        // timestamped text tells starts only: each cue ends where the next starts, the last with the audio
        var fromText = TranscriptFormat.TEXT.read(TranscriptFormat.TEXT.write(cues)).checked(duration);
        assertEquals(cues.stream().map(Cue::startMs).toList(), fromText.stream().map(Cue::startMs).toList());
        assertEquals(cues.stream().map(Cue::speaker).toList(), fromText.stream().map(Cue::speaker).toList());
        assertEquals(cues.stream().map(Cue::text).toList(), fromText.stream().map(Cue::text).toList());
        assertEquals(List.of(1_000L, 2_345L, 5_001L, 3_600_000L, duration), fromText.stream().map(Cue::endMs).toList());
    }

    @Test
    void fourThousandCuesReadAndWriteInEveryFormat() {
        var cues = new ArrayList<Cue>();
        for (int i = 0; i < 4_000; i++) {
            cues.add(new Cue(i * 1_000L, i * 1_000L + 1_000, Optional.of(i % 7 == 0 ? "Paul" : "Marie"),
                    "Phrase numéro " + i + ", dite avec l'accent du Sud et une virgule, pour voir si tout suit."));
        }
        for (var format : TranscriptFormat.values()) {
            var read = format.read(format.write(cues)).checked(4_000_000);
            assertTrue(read.size() >= 4_000, format.id() + ": " + read.size());
        }
    }
}
