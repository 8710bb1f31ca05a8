package dev.chapitre.platform.entity;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the platform says to a producer or a listener when it refuses something, worded in their
 * language only when it is said: the rules and the refusals name a key and its arguments, the
 * boundary that answers knows the reader's language. The key's first part is its feature, whose
 * bundle {@code dev/chapitre/<feature>/problems[_fr].properties} holds the words (English in the
 * base file): {@code podcasts.ownerEmail.email} is in {@code dev/chapitre/podcasts/problems}.
 *
 * <p>{@code {0}}, {@code {1}}… are replaced by the arguments as they are, not through
 * {@code MessageFormat}: the words keep their apostrophes, and counts and times read as the
 * producer typed them. An argument that is itself a message is worded in the same language.
 */
public record Message(String key, List<Serializable> arguments) implements Serializable {

    private static final String JOINED = "platform.joined";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Message {
        if (key.indexOf('.') < 1) {
            throw new IllegalArgumentException("A message key starts with its feature: " + key);
        }
        arguments = List.copyOf(arguments);
    }

    /** Arguments other than messages are kept as their text ({@code null} as an empty one). */
    public static Message of(String key, Object... arguments) {
        return new Message(key, Arrays.stream(arguments)
                .map(a -> a instanceof Message m ? m : (Serializable) String.valueOf(a == null ? "" : a))
                .toList());
    }

    /** Text that is not ours (a library's message, a remote server's answer): said as it is in every language. */
    public static Message text(String text) {
        return of("platform.text", text);
    }

    /**
     * "one; two; three" in English, « un ; deux ; trois » in French: {@code platform.joined}
     * ("{0}; {1}") applied to each part in turn, as one flat message however many parts there are.
     */
    public static Message joined(List<?> parts) {
        return of(JOINED, parts.toArray());
    }

    /** The words in {@code locale}'s language, English where the feature has no words in it. */
    public String in(Locale locale) {
        if (key.equals(JOINED)) {
            return joinedIn(locale);
        }
        return fill(pattern(key, locale), arguments, locale);
    }

    /** {@code platform.joined} is "{0}<separator>{1}": the parts with that separator between them. */
    private String joinedIn(Locale locale) {
        var pattern = pattern(JOINED, locale);
        var separator = pattern.substring(pattern.indexOf("{0}") + 3, pattern.indexOf("{1}"));
        return String.join(separator, arguments.stream().map(part -> word(part, locale)).toList());
    }

    private static String word(Serializable argument, Locale locale) {
        return argument instanceof Message m ? m.in(locale) : argument.toString();
    }

    private static String fill(String words, List<? extends Serializable> arguments, Locale locale) {
        var pattern = PLACEHOLDER.matcher(words);
        var text = new StringBuilder();
        while (pattern.find()) {
            int index = Integer.parseInt(pattern.group(1));
            pattern.appendReplacement(text, Matcher.quoteReplacement(index < arguments.size() ? word(arguments.get(index), locale) : ""));
        }
        return pattern.appendTail(text).toString();
    }

    /** The words for {@code key} in {@code locale}'s language, if its feature has them. */
    public static Optional<String> words(String key, Locale locale) {
        try {
            return Optional.of(ResourceBundle.getBundle(bundleOf(key), locale, NO_FALLBACK).getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    /** {@code podcasts.title.required} → {@code dev.chapitre.podcasts.problems}. */
    public static String bundleOf(String key) {
        return "dev.chapitre." + key.substring(0, key.indexOf('.')) + ".problems";
    }

    private static String pattern(String key, Locale locale) {
        return words(key, locale).or(() -> words(key, Locale.ROOT))
                .orElseThrow(() -> new MissingResourceException("No words for " + key, bundleOf(key), key));
    }

    /** English, for logs and exception messages. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
