package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.transcripts.entity.Cue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubRipTest {

    @Test
    void readsAWindowsFileWithByteOrderMarkMarkupAndSpeakerLabels() {
        var windows = "\uFEFF1\r\n00:00:00,000 --> 00:00:02,500\r\nMarie : Bonjour à <i>tous</i>.\r\n\r\n"
                + "2\r\n00:00:02,500 --> 00:00:05,000\r\n{\\an8}Aujourd'hui, on parle\r\nd'écologie.\r\n\r\n"
                + "3\r\n00:00:05,000 --> 00:00:07,000\r\n[Paul Martin]: Très bien.\r\n";
        var bytes = TranscriptDecodingTest.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                windows.substring(1).getBytes(StandardCharsets.UTF_8));
        var parsed = TranscriptFiles.read(bytes);
        assertEquals(TranscriptFormat.SRT, parsed.format());
        assertEquals(List.of(new Cue(0, 2_500, Optional.of("Marie"), "Bonjour à tous."),
                new Cue(2_500, 5_000, Optional.of("Marie"), "Aujourd'hui, on parle\nd'écologie."),
                new Cue(5_000, 7_000, Optional.of("Paul Martin"), "Très bien.")), parsed.cues());
        assertEquals(List.of(2, 6, 11), parsed.lines());
    }

    @Test
    void dotsForCommasMissingHoursAndGarbledNumbersAreRead() {
        var parsed = SubRip.read("""
                1
                00:00:01.000 --> 00:00:02.000
                Point au lieu de virgule

                00:03,000 --> 00:04,000
                Sans numéro ni heures

                #3?
                00:00:05,000 --> 00:00:06,000
                Numéro illisible
                """);
        assertEquals(List.of(1_000L, 3_000L, 5_000L), parsed.cues().stream().map(Cue::startMs).toList());
        assertEquals(List.of(2, 5, 9), parsed.lines());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void aBlockWithoutTimingAndATimingThatDoesNotParseAreProblemsOnTheirLines() {
        var parsed = SubRip.read("""
                1
                00:00:01,000 --> 00:00:02,000
                Bien

                2
                Pas de temps

                3
                00:00:03,00 --> 00:00:04,000
                Deux décimales
                """);
        assertEquals(List.of("Bien"), parsed.cues().stream().map(Cue::text).toList());
        assertEquals(List.of(5, 9), parsed.problems().stream().map(p -> p.item().orElseThrow().line().getAsInt()).toList());
        assertEquals("'00:00:03,00 --> 00:00:04,000' does not parse: expected hh:mm:ss,ttt --> hh:mm:ss,ttt",
                parsed.problems().get(1).reason().toString());
    }

    @Test
    void writesNumberedBlocksWithSpeakerPrefixes() {
        var cues = List.of(new Cue(0, 1_500, Optional.of("Marie"), "Bonjour."),
                new Cue(1_500, 3_000, Optional.of("Paul"), "Salut, ça va ?"));
        var text = SubRip.write(cues);
        assertEquals("""
                1
                00:00:00,000 --> 00:00:01,500
                Marie: Bonjour.

                2
                00:00:01,500 --> 00:00:03,000
                Paul: Salut, ça va ?
                """, text);
        assertEquals(cues, SubRip.read(text).cues());
    }
}
