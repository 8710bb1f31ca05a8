package dev.chapitre.imports.control;

import dev.chapitre.chapters.entity.Chapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An episode's chapters as each source had them, in the order of trust: the Podcasting 2.0 JSON
 * file the producer's tools publish, then the feed's Podlove Simple Chapters, then the ID3 frames
 * of the MP3 itself, then timestamps typed into the show notes. The first that has chapters is
 * kept; every pair that disagrees (another count, or a start more than a second apart) is reported.
 */
public final class ChapterSources {

    static final long TOLERANCE_MS = 1000;

    public enum Source {
        PODCAST_CHAPTERS("podcast:chapters"), PSC("psc:chapters"), ID3("id3"), SHOW_NOTES("show notes");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What one source had: its chapters (empty when none), and why it could not be read, if it could not. */
    public record Found(Source source, List<Chapter> chapters, Optional<String> problem) {

        public static Found of(Source source, List<Chapter> chapters) {
            return new Found(source, List.copyOf(chapters), Optional.empty());
        }

        public static Found unreadable(Source source, String problem) {
            return new Found(source, List.of(), Optional.of(problem));
        }
    }

    /** The chapters kept and where they came from (empty: no source had any), and the disagreements. */
    public record Choice(Optional<Found> kept, List<String> disagreements) {
    }

    private ChapterSources() {
    }

    public static Choice choose(List<Found> found) {
        var withChapters = found.stream().filter(f -> !f.chapters().isEmpty())
                .sorted((a, b) -> a.source().compareTo(b.source())).toList();
        var disagreements = new ArrayList<String>();
        for (int i = 0; i < withChapters.size(); i++) {
            for (int j = i + 1; j < withChapters.size(); j++) {
                disagreement(withChapters.get(i), withChapters.get(j)).ifPresent(disagreements::add);
            }
        }
        return new Choice(withChapters.stream().findFirst(), disagreements);
    }

    static Optional<String> disagreement(Found a, Found b) {
        var first = a.chapters();
        var second = b.chapters();
        if (first.size() != second.size()) {
            return Optional.of(a.source().label() + " has " + first.size() + " chapters, " + b.source().label() + " " + second.size());
        }
        for (int i = 0; i < first.size(); i++) {
            long difference = Math.abs(first.get(i).startMs() - second.get(i).startMs());
            if (difference > TOLERANCE_MS) {
                return Optional.of("chapter " + (i + 1) + " starts at " + seconds(first.get(i).startMs()) + " in " + a.source().label()
                        + " but at " + seconds(second.get(i).startMs()) + " in " + b.source().label());
            }
        }
        return Optional.empty();
    }

    private static String seconds(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
