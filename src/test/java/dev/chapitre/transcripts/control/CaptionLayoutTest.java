package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaptionLayoutTest {

    private static final String LONG = ("Alors voilà, nous avons enregistré cet épisode dans un café près de la gare, "
            + "et le bruit des tasses s'entend sûrement en fond ; ").repeat(4).strip();

    @Test
    void aShortCueIsOneCaptionWithItsOwnLineBreaks() {
        var parts = CaptionLayout.parts(new Cue(1_000, 2_000, Optional.empty(), "Première ligne\nDeuxième ligne"), "");
        assertEquals(List.of(new CaptionLayout.Part(1_000, 2_000, List.of("Première ligne", "Deuxième ligne"))), parts);
    }

    @Test
    void aLongCueBecomesContiguousCaptionsOfAtMostTwoShortLinesCoveringItExactly() {
        var parts = CaptionLayout.parts(new Cue(10_000, 40_000, Optional.empty(), LONG), "Marie: ");
        assertTrue(parts.size() > 2, "parts: " + parts.size());
        assertEquals(10_000, parts.get(0).startMs());
        assertEquals(40_000, parts.get(parts.size() - 1).endMs());
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            assertTrue(part.lines().size() <= 2 && !part.lines().isEmpty(), part.toString());
            assertTrue(part.lines().stream().allMatch(line -> line.length() <= 65), part.toString());
            assertTrue(part.endMs() > part.startMs(), part.toString());
            if (i > 0) {
                assertEquals(parts.get(i - 1).endMs(), part.startMs());
            }
        }
        assertTrue(parts.get(0).lines().get(0).startsWith("Marie: Alors"));
        var words = String.join(" ", parts.stream().flatMap(p -> p.lines().stream()).toList());
        assertEquals("Marie: " + LONG, words);
    }

    @Test
    void timeIsSharedInProportionToCharacters() {
        var line = "x".repeat(60);
        var parts = CaptionLayout.parts(new Cue(0, 1_000, Optional.empty(), String.join("\n", line, line, "x".repeat(30))), "");
        assertEquals(List.of(0L, 800L), parts.stream().map(CaptionLayout.Part::startMs).toList());
        assertEquals(List.of(800L, 1_000L), parts.stream().map(CaptionLayout.Part::endMs).toList());
    }

    @Test
    void everyPartLastsAtLeastAMillisecond() {
        var parts = CaptionLayout.parts(new Cue(0, 3, Optional.empty(), "b\n" + "a".repeat(65 * 4)), "");
        assertEquals(List.of(0L, 1L, 2L), parts.stream().map(CaptionLayout.Part::startMs).toList());
        assertEquals(3, parts.get(2).endMs());
    }

    @Test
    void aWordLongerThanALineIsCutHard() {
        assertEquals(List.of("a".repeat(65), "a".repeat(10) + " fin"), CaptionLayout.wrap("a".repeat(75) + " fin"));
    }

    @Test
    void aWordCutForItsLengthNeverSplitsAnEmojiInHalf() {
        var word = "a".repeat(64) + "🎙️" + "b".repeat(10);
        for (var line : CaptionLayout.wrap(word)) {
            assertTrue(!Character.isHighSurrogate(line.charAt(line.length() - 1)), line);
        }
    }
}
