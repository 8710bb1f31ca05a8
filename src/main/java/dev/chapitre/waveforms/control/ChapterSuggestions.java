package dev.chapitre.waveforms.control;

import dev.chapitre.waveforms.entity.Pause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chapter starts proposed where a show's parts most likely change: at the longest pauses, spread
 * over the episode (no two closer than half the length a chapter would have if all were equal), as many as suit its length (about one
 * every eight minutes, at least the three Apple asks for), beside the chapters the producer already
 * has. A chapter starts where the voice comes back, at the end of its pause.
 */
public final class ChapterSuggestions {

    public static final String AT_PAUSE = "pause";
    public static final String AT_START = "start";
    static final long MINUTES_PER_CHAPTER = 8;
    static final int MIN_CHAPTERS = 3;
    static final int MAX_CHAPTERS = 25;

    public record Suggestion(long startMs, String reason) {
    }

    private ChapterSuggestions() {
    }

    public static List<Suggestion> of(List<Pause> pauses, long durationMs, List<Long> existingStarts) {
        long wanted = Math.max(MIN_CHAPTERS, Math.min(MAX_CHAPTERS, Math.round(durationMs / 60_000.0 / MINUTES_PER_CHAPTER) + 1));
        long gap = durationMs / (wanted * 2);
        var taken = new ArrayList<>(existingStarts);
        var suggested = new ArrayList<Suggestion>();
        if (existingStarts.stream().noneMatch(start -> start == 0)) {
            suggested.add(new Suggestion(0, AT_START));
            taken.add(0L);
        }
        var longestFirst = pauses.stream().sorted(Comparator.comparingLong(Pause::lengthMs).reversed().thenComparingLong(Pause::startMs)).toList();
        for (var pause : longestFirst) {
            if (taken.size() >= wanted) {
                break;
            }
            long start = pause.endMs();
            if (start >= gap && start <= durationMs - gap && taken.stream().allMatch(other -> Math.abs(other - start) >= gap)) {
                taken.add(start);
                suggested.add(new Suggestion(start, AT_PAUSE));
            }
        }
        suggested.sort(Comparator.comparingLong(Suggestion::startMs));
        return suggested;
    }
}
