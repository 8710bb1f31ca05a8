package dev.chapitre.imports.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.platform.entity.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An episode's chapters as each source had them, in the order of trust: the Podcasting 2.0 JSON
 * file the producer's tools publish, then the feed's Podlove Simple Chapters, then the ID3 frames
 * of the MP3 itself, then timestamps typed into the show notes. The first that has chapters is
 * kept; every pair that disagrees (another count, or a start more than a second apart) is reported.
 */
public final class ChapterSources {

    static final long TOLERANCE_MS = 1000;

    public enum Source {
        PODCAST_CHAPTERS("podcast:chapters", Message.of("imports.chapters.source.podcastChapters")),
        PSC("psc:chapters", Message.of("imports.chapters.source.psc")),
        ID3("id3", Message.of("imports.chapters.source.id3")),
        SHOW_NOTES("show notes", Message.of("imports.chapters.source.showNotes"));

        private final String label;
        private final Message said;

        Source(String label, Message said) {
            this.label = label;
            this.said = said;
        }

        /** Its name in the report's data (the label in English words too). */
        public String label() {
            return label;
        }

        /** Its name in a note, in the reader's language (the label in English). */
        public Message said() {
            return said;
        }
    }

    /** What one source had: its chapters (empty when none), and why it could not be read, if it could not. */
    public record Found(Source source, List<Chapter> chapters, Optional<Message> problem) {

        public static Found of(Source source, List<Chapter> chapters) {
            return new Found(source, List.copyOf(chapters), Optional.empty());
        }

        public static Found unreadable(Source source, Message problem) {
            return new Found(source, List.of(), Optional.of(problem));
        }

        /** {@code problem}: text that is not ours (a library's exception), said as it is. */
        public static Found unreadable(Source source, String problem) {
            return unreadable(source, Message.text(problem));
        }
    }

    /**
     * The chapters kept (as the rules let them be) and where they came from (empty: no source had
     * any that obey the rules), the disagreements between sources, and what the rules left out.
     */
    public record Choice(Optional<Found> kept, List<Message> disagreements, List<Message> leftOut) {
    }

    private ChapterSources() {
    }

    /**
     * The most trusted source whose chapters survive {@code rules} (which leaves out the chapters
     * that break one): a source whose every chapter breaks a rule gives way to the next.
     */
    public static Choice choose(List<Found> found, UnaryOperator<List<Chapter>> rules) {
        var withChapters = found.stream().filter(f -> !f.chapters().isEmpty())
                .sorted((a, b) -> a.source().compareTo(b.source())).toList();
        var disagreements = new ArrayList<Message>();
        for (int i = 0; i < withChapters.size(); i++) {
            for (int j = i + 1; j < withChapters.size(); j++) {
                disagreement(withChapters.get(i), withChapters.get(j)).ifPresent(disagreements::add);
            }
        }
        var leftOut = new ArrayList<Message>();
        for (var source : withChapters) {
            var kept = rules.apply(source.chapters());
            if (kept.size() < source.chapters().size()) {
                int broken = source.chapters().size() - kept.size();
                leftOut.add(kept.isEmpty()
                        ? Message.of("imports.chapters.leftOut.all", broken, source.chapters().size(), source.source().said())
                        : Message.of("imports.chapters.leftOut.some", broken, source.chapters().size(), source.source().said()));
            }
            if (!kept.isEmpty()) {
                return new Choice(Optional.of(Found.of(source.source(), kept)), disagreements, leftOut);
            }
        }
        return new Choice(Optional.empty(), disagreements, leftOut);
    }

    static Optional<Message> disagreement(Found a, Found b) {
        var first = a.chapters();
        var second = b.chapters();
        if (first.size() != second.size()) {
            return Optional.of(Message.of("imports.chapters.disagree.count", a.source().said(), first.size(), b.source().said(),
                    second.size()));
        }
        for (int i = 0; i < first.size(); i++) {
            long difference = Math.abs(first.get(i).startMs() - second.get(i).startMs());
            if (difference > TOLERANCE_MS) {
                return Optional.of(Message.of("imports.chapters.disagree.start", i + 1, seconds(first.get(i).startMs()),
                        a.source().said(), seconds(second.get(i).startMs()), b.source().said()));
            }
        }
        return Optional.empty();
    }

    private static String seconds(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60) : "%d:%02d".formatted(s / 60, s % 60);
    }
}
