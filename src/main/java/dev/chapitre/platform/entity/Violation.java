package dev.chapitre.platform.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One broken rule: which field of the input, and why, in words a producer or listener can act on;
 * for input that is a list (chapters), also which item of it.
 */
public record Violation(String field, String reason, Optional<Item> item) {

    /**
     * The item of a list input the rule is about: its kind, its index (from 0, as programs count the
     * array they sent), and its line when the input was text.
     */
    public record Item(String kind, int index, OptionalInt line) {
        /** "chapter 4 (line 9)": numbered from 1, as the editor's rows and the producer count them. */
        @Override
        public String toString() {
            return kind + " " + (index + 1) + (line.isPresent() ? " (line " + line.getAsInt() + ")" : "");
        }
    }

    public Violation(String field, String reason) {
        this(field, reason, Optional.empty());
    }

    /** A rule broken by item {@code index} (counted from 0) of a list, e.g. chapter 2's title. */
    public static Violation ofItem(String kind, int index, String field, String reason) {
        return new Violation(field, reason, Optional.of(new Item(kind, index, OptionalInt.empty())));
    }

    /** The same violation, its item placed on the line of the text it was read from ({@code lines} by item index). */
    public Violation onLines(List<Integer> lines) {
        return new Violation(field, reason, item.map(i -> i.index() < lines.size()
                ? new Item(i.kind(), i.index(), OptionalInt.of(lines.get(i.index()))) : i));
    }

    /** "title is required", or "chapter 3 (line 4): start time is …": the field in words, for people. */
    public String describe() {
        return item.map(i -> i + ": ").orElse("") + inWords(field) + " " + reason;
    }

    /** "startTime" → "start time": the JSON's names for programs, words for people. */
    static String inWords(String field) {
        return field.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
