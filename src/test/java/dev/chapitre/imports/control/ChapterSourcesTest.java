package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.imports.control.ChapterSources.Found;
import dev.chapitre.imports.control.ChapterSources.Source;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChapterSourcesTest {

    static List<Chapter> at(long... starts) {
        return java.util.Arrays.stream(starts).mapToObj(ms -> new Chapter(ms, "c" + ms, null, null, true)).toList();
    }

    @Test
    void theMostTrustedSourceWithChaptersIsKept() {
        var choice = ChapterSources.choose(List.of(Found.of(Source.SHOW_NOTES, at(0, 60_000)), Found.of(Source.ID3, at(0, 60_400)),
                Found.unreadable(Source.PODCAST_CHAPTERS, "404"), Found.of(Source.PSC, List.of())), all -> all);
        assertEquals(Source.ID3, choice.kept().orElseThrow().source());
        assertEquals(List.of(), choice.disagreements(), "400 ms apart is the same chapter");
    }

    @Test
    void disagreementsBeyondASecondOrInCountAreReported() {
        var choice = ChapterSources.choose(List.of(Found.of(Source.PODCAST_CHAPTERS, at(0, 60_000, 120_000)),
                Found.of(Source.PSC, at(0, 61_500, 120_000)), Found.of(Source.ID3, at(0, 60_000))), all -> all);
        assertEquals(Source.PODCAST_CHAPTERS, choice.kept().orElseThrow().source());
        assertEquals(List.of("chapter 2 starts at 1:00 in podcast:chapters but at 1:01 in psc:chapters",
                "podcast:chapters has 3 chapters, id3 2", "psc:chapters has 3 chapters, id3 2"),
                choice.disagreements().stream().map(Object::toString).toList());
    }

    @Test
    void nothingFoundKeepsNothing() {
        assertTrue(ChapterSources.choose(List.of(Found.of(Source.ID3, List.of())), all -> all).kept().isEmpty());
    }

    @Test
    void aSourceWhoseEveryChapterBreaksTheRulesGivesWayToTheNext() {
        // the rules of a 90-second episode: what starts after its end goes
        var choice = ChapterSources.choose(List.of(Found.of(Source.PSC, at(120_000, 180_000)), Found.of(Source.ID3, at(0, 60_000, 100_000))),
                all -> all.stream().filter(c -> c.startMs() < 90_000).toList());
        assertEquals(Source.ID3, choice.kept().orElseThrow().source());
        assertEquals(at(0, 60_000), choice.kept().get().chapters());
        assertEquals(2, choice.leftOut().size(), choice.leftOut().toString());
        assertEquals("2 of the 2 chapters of psc:chapters break the chapter rules (past the end of the audio, the same start as"
                + " another, no title); none is left, so the next source is used.", choice.leftOut().get(0).toString());
        assertEquals("1 of the 3 chapters of id3 break the chapter rules (past the end of the audio, the same start as another,"
                + " no title) and were left out.", choice.leftOut().get(1).toString());
    }

    @Test
    void normalPlayTimeAsPodloveWritesIt() {
        assertEquals(OptionalLong.of(3_723_500), ChapterTime.parse("01:02:03.500"));
        assertEquals(OptionalLong.of(3_723_000), ChapterTime.parse("1:02:03"));
        assertEquals(OptionalLong.of(123_450), ChapterTime.parse("02:03.45"));
        assertEquals(OptionalLong.of(63_250), ChapterTime.parse("63.25"));
        assertEquals(OptionalLong.of(0), ChapterTime.parse(" 00:00:00.000 "));
        assertEquals(OptionalLong.empty(), ChapterTime.parse("1:60:00"));
        assertEquals(OptionalLong.empty(), ChapterTime.parse("02:75"));
        assertEquals(OptionalLong.empty(), ChapterTime.parse("soon"));
        assertEquals(OptionalLong.empty(), ChapterTime.parse(null));
    }
}
