package dev.chapitre.chapters.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import java.util.ArrayList;
import java.util.List;
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
