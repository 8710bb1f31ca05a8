package dev.chapitre.transcripts.control;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.transcripts.entity.Cue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A title for each chapter from the first words said after its start: a draft the producer accepts
 * or edits in the editor, never saved by itself. Hesitations a speaker opens with ("euh", "so") are
 * left out; the draft stops at the end of the first sentence or after a few words.
 */
public final class ChapterTitles {

    /** A cue that began this shortly before the chapter's start is the chapter's first words: marks land a little late. */
    static final long LEAD_IN_MS = 500;
    static final int MAX_WORDS = 8;
    static final int MIN_WORDS_BEFORE_SENTENCE_END = 3;
    private static final Set<String> OPENING_FILLERS = Set.of("euh", "heu", "hum", "bon", "alors", "donc", "voilà", "ben", "bah",
            "ok", "okay", "um", "uh", "erm", "so", "well", "right", "and", "et", "mais", "but");

    public record Suggestion(int index, Chapter chapter, Optional<String> title) {
    }

    private ChapterTitles() {
    }

    /** One suggestion per chapter, in order; empty where nothing is said after its start. */
    public static List<Suggestion> suggest(List<Chapter> chapters, List<Cue> cues) {
        var suggestions = new ArrayList<Suggestion>();
        for (int i = 0; i < chapters.size(); i++) {
            var chapter = chapters.get(i);
            long end = i + 1 < chapters.size() ? chapters.get(i + 1).startMs() : Long.MAX_VALUE;
            suggestions.add(new Suggestion(i, chapter, titleFrom(wordsBetween(cues, chapter.startMs(), end))));
        }
        return suggestions;
    }

    private static List<String> wordsBetween(List<Cue> cues, long start, long end) {
        var words = new ArrayList<String>();
        for (var cue : cues) {
            if (cue.startMs() >= end || words.size() > 4 * MAX_WORDS) {
                break;
            }
            if (cue.startMs() >= start - LEAD_IN_MS) {
                words.addAll(Arrays.asList(cue.text().strip().split("\\s+")));
            }
        }
        return words;
    }

    static Optional<String> titleFrom(List<String> words) {
        int first = 0;
        while (first < words.size() && OPENING_FILLERS.contains(bare(words.get(first)))) {
            first++;
        }
        var kept = new ArrayList<String>();
        boolean sentenceEnded = false;
        for (int i = first; i < words.size() && kept.size() < MAX_WORDS; i++) {
            var word = words.get(i);
            if (bare(word).isEmpty() && kept.isEmpty()) {
                continue; // a dash or a colon does not open a title
            }
            kept.add(word);
            if (kept.size() >= MIN_WORDS_BEFORE_SENTENCE_END && word.matches(".*[.!?…]$")) {
                sentenceEnded = true;
                break;
            }
        }
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        var title = String.join(" ", kept).replaceAll("[\\s,;:.…-]+$", "");
        title = title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
        if (!sentenceEnded && kept.size() == MAX_WORDS && kept.size() < words.size() - first) {
            title += "…";
        }
        return Optional.of(title.codePointCount(0, title.length()) > ChapterList.MAX_TITLE
                ? title.substring(0, title.offsetByCodePoints(0, ChapterList.MAX_TITLE - 1)) + "…" : title);
    }

    /** The word without its punctuation, in lower case: "Euh," → "euh". */
    private static String bare(String word) {
        return word.replaceAll("[\\p{P}\\p{S}]", "").toLowerCase(Locale.ROOT);
    }
}
