package dev.chapitre.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeedTextTest {

    @Test
    void textThatFitsIsKept() {
        assertEquals("Épique 🎙️", FeedText.withinBytes("Épique 🎙️", 15));
    }

    @Test
    void isCutBetweenWordsAndNeverInsideACharacter() {
        var cut = FeedText.withinBytes("L'été à Matignon ".repeat(10), 40);
        assertTrue(cut.getBytes(StandardCharsets.UTF_8).length <= 40, cut);
        assertTrue(cut.endsWith("Matignon…") || cut.endsWith("été…") || cut.endsWith("à…"), cut);

        var emoji = FeedText.withinBytes("😀".repeat(20), 11); // 4 bytes each + 3 for "…"
        assertEquals("😀😀…", emoji);
    }
}
