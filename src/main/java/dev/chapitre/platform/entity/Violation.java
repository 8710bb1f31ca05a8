package dev.chapitre.platform.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One broken rule: which field of the input, and why, in words a producer or listener can act on;
 * for input that is a list (chapters), also which item of it.
 */
public record Violation(String field, Message reason, Optional<Item> item) {

    /**
     * The item of a list input the rule is about: its kind ({@code chapter}, {@code cue}), its
     * index (from 0, as programs count the array they sent), and its line when the input was text.
     */
    public record Item(String kind, int index, OptionalInt line) {

        /** "chapter 4 (line 9)": numbered from 1, as the editor's rows and the producer count them. */
        public Message words() {
            var number = String.valueOf(index + 1);
            return line.isPresent()
                    ? Message.of("platform.item." + kind + ".line", number, line.getAsInt())
                    : Message.of("platform.item." + kind, number);
        }

        @Override
        public String toString() {
            return words().toString();
        }
    }

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    public Violation(String field, Message reason) {
        this(field, reason, Optional.empty());
    }

    /** A rule broken by item {@code index} (counted from 0) of a list, e.g. chapter 2's title. */
    public static Violation ofItem(String kind, int index, String field, Message reason) {
        return new Violation(field, reason, Optional.of(new Item(kind, index, OptionalInt.empty())));
    }

    /** The same violation, its item placed on the line of the text it was read from ({@code lines} by item index). */
    public Violation onLines(List<Integer> lines) {
        return new Violation(field, reason, item.map(i -> i.index() < lines.size()
                ? new Item(i.kind(), i.index(), OptionalInt.of(lines.get(i.index()))) : i));
    }

    /**
     * "title is required", or "chapter 3 (line 4): start time is …" in English; « Début (chapitre
     * 3, ligne 4) : obligatoire » in French: the field in words, for people. {@code feature}: whose
     * words name the field first, the one that refused the whole input ({@link InvalidInput#descriptions}).
     */
    Message description(String feature) {
        return item.map(i -> Message.of("platform.violation.item", i.words(), label(feature), reason))
                .orElseGet(() -> Message.of("platform.violation", label(feature), reason));
    }

    /** In English, for logs; a reader is told the rules through {@link InvalidInput}, in their language. */
    public String describe() {
        return description(feature(reason)).toString();
    }

    /**
     * The field's name for people: {@code feature}'s words for it ({@code podcasts.field.ownerEmail}),
     * else those of the feature whose rule it broke, else the platform's, else the JSON's name in
     * words ("startTime" → "start time").
     */
    Object label(String feature) {
        var line = LINE.matcher(field);
        if (line.matches()) {
            return Message.of("platform.line", line.group(1)); // a line of a text input that could not be read as an item
        }
        return Stream.of(feature + ".field." + field, feature(reason) + ".field." + field, "platform.field." + field)
                .filter(key -> Message.words(key, Locale.ROOT).isPresent()).findFirst()
                .<Object>map(Message::of).orElseGet(() -> inWords(field));
    }

    static String feature(Message message) {
        return message.key().substring(0, message.key().indexOf('.'));
    }

    static String inWords(String field) {
        return field.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
