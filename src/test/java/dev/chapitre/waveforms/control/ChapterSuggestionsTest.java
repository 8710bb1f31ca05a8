package dev.chapitre.waveforms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.waveforms.control.ChapterSuggestions.Suggestion;
import dev.chapitre.waveforms.entity.Pause;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChapterSuggestionsTest {

    static final long MINUTE = 60_000;

    @Test
    void theLongestPausesSpreadOverTheEpisodeStartChapters() {
        var pauses = List.of(
                new Pause(5 * MINUTE, 5 * MINUTE + 2_500), // long
                new Pause(5 * MINUTE + 20_000, 5 * MINUTE + 24_000), // the longest: taken, and the one before is too close
                new Pause(12 * MINUTE, 12 * MINUTE + 1_800),
                new Pause(18 * MINUTE, 18 * MINUTE + 400),
                new Pause(23 * MINUTE, 23 * MINUTE + 2_000),
                new Pause(29 * MINUTE + 50_000, 29 * MINUTE + 53_000)); // in the last stretch

        // 30 minutes: about one chapter per 8 minutes and the start, five in all; none closer than 3:00.
        var suggested = ChapterSuggestions.of(pauses, 30 * MINUTE, List.of());

        assertEquals(List.of(new Suggestion(0, "start"), new Suggestion(5 * MINUTE + 24_000, "pause"),
                new Suggestion(12 * MINUTE + 1_800, "pause"), new Suggestion(18 * MINUTE + 400, "pause"),
                new Suggestion(23 * MINUTE + 2_000, "pause")), suggested);
    }

    @Test
    void theProducersChaptersCountAndKeepTheirPlace() {
        var pauses = List.of(new Pause(10 * MINUTE, 10 * MINUTE + 3_000), new Pause(20 * MINUTE, 20 * MINUTE + 2_000));

        var suggested = ChapterSuggestions.of(pauses, 30 * MINUTE, List.of(0L, 10 * MINUTE + 1_000, 25 * MINUTE));

        assertEquals(List.of(new Suggestion(20 * MINUTE + 2_000, "pause")), suggested);
    }

    @Test
    void aShortEpisodeGetsTheThreeAppleAsksFor() {
        var pauses = List.of(new Pause(20_000, 21_000), new Pause(40_000, 41_500), new Pause(50_000, 50_400));

        var suggested = ChapterSuggestions.of(pauses, 70_000, List.of());

        assertEquals(List.of(new Suggestion(0, "start"), new Suggestion(21_000, "pause"), new Suggestion(41_500, "pause")), suggested);
    }

    @Test
    void withoutPausesOnlyTheStart() {
        assertEquals(List.of(new Suggestion(0, "start")), ChapterSuggestions.of(List.of(), 10 * MINUTE, List.of()));
        assertEquals(List.of(), ChapterSuggestions.of(List.of(), 10 * MINUTE, List.of(0L)));
    }
}
