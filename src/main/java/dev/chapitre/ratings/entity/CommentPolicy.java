package dev.chapitre.ratings.entity;

import dev.chapitre.platform.entity.Violations;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a show's listener comments reach its pages: each waits for the producer's review (the default,
 * as a show starts with no policy of its own), or is published at once unless it contains a word of
 * the show's list. Words match whole, whatever their case and accents ("arnaque" holds "Arnaqué !"
 * but not "arnaques", which the producer adds if they mean it); a list entry may be several words.
 */
@Entity
@Table(name = "rating_comment_policy")
public class CommentPolicy {

    public static final int MAX_WORDS = 500;
    public static final int MAX_WORD = 100;
    /** The whole list as stored, one line per word: the column's width. */
    public static final int MAX_LIST = 8000;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Id
    private long podcastId;
    @Column(nullable = false)
    private boolean publishWithoutReview;
    /** One entry per line, as the producer typed them (trimmed, without duplicates). */
    @Column(nullable = false, length = MAX_LIST)
    private String heldWords = "";

    protected CommentPolicy() {
    }

    /** What a show without a policy of its own does: every comment waits for review. */
    public CommentPolicy(long podcastId) {
        this.podcastId = podcastId;
    }

    public static void check(List<String> words, Violations violations) {
        var entries = entries(words);
        if (entries.size() > MAX_WORDS) {
            violations.add("heldWords", "ratings.heldWords.tooMany", MAX_WORDS, entries.size());
        }
        if (String.join("\n", entries).length() > MAX_LIST) {
            violations.add("heldWords", "ratings.heldWords.tooLong", MAX_LIST);
        }
        entries.stream().filter(word -> word.length() > MAX_WORD).findFirst().ifPresent(word ->
                violations.add("heldWords", "ratings.heldWords.wordTooLong", MAX_WORD, word.substring(0, 20)));
        entries.forEach(word -> violations.xmlText("heldWords", word));
    }

    public void change(boolean publishWithoutReview, List<String> words) {
        var violations = new Violations();
        check(words, violations);
        violations.throwIfAny("ratings.policy.invalid");
        this.publishWithoutReview = publishWithoutReview;
        this.heldWords = String.join("\n", entries(words));
    }

    /** Whether {@code comment} goes straight to the public pages. */
    public boolean publishesWithoutReview(String comment) {
        return publishWithoutReview && heldWordIn(comment).isEmpty();
    }

    /** The first of the list's words that {@code comment} contains, as the producer wrote it. */
    public Optional<String> heldWordIn(String comment) {
        var text = " " + folded(comment) + " ";
        return heldWords().stream().filter(word -> {
            var folded = folded(word);
            for (int at = text.indexOf(folded); at >= 0; at = text.indexOf(folded, at + 1)) {
                if (!isWordPart(text.codePointBefore(at)) && !isWordPart(text.codePointAt(at + folded.length()))) {
                    return true;
                }
            }
            return false;
        }).findFirst();
    }

    public boolean publishWithoutReview() {
        return publishWithoutReview;
    }

    public List<String> heldWords() {
        return heldWords.isEmpty() ? List.of() : List.of(heldWords.split("\n"));
    }

    /** Lower case, without accents, runs of spaces as one: how both the list and the comments are compared. */
    static String folded(String text) {
        var withoutMarks = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    /** Trimmed; blank ones (also those of accents alone) and repeats (compared folded) left out, in the order given. */
    private static List<String> entries(List<String> words) {
        var seen = new LinkedHashSet<String>();
        return words.stream().flatMap(word -> Arrays.stream(word.split("\\R"))).map(String::strip).filter(word -> !folded(word).isEmpty())
                .filter(word -> seen.add(folded(word))).toList();
    }
}
