package dev.chapitre.transcripts.control;

import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a WebVTT cue: its first voice ({@code <v Marie>}) is the speaker; other markup
 * (classes, styles, ruby, languages, inline timestamps) goes, as we store words, not presentation.
 */
final class VttPayload {

    record Spoken(Optional<String> voice, String text) {
    }

    private static final Pattern TAG = Pattern.compile("<([^<>]*)>");
    /** Ruby annotations are pronunciation help written above the words, not words said. */
    private static final Pattern RUBY_TEXT = Pattern.compile("<rt(?:[.\\s][^<>]*)?>[^<]*(?:</rt>)?");
    private static final Pattern VOICE = Pattern.compile("v(?:\\.[^\\s]*)?\\s+(.*)", Pattern.DOTALL);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));");
    private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "lrm", "\u200E",
            "rlm", "\u200F", "nbsp", "\u00A0", "quot", "\"", "apos", "'");

    private VttPayload() {
    }

    static Spoken read(String payload) {
        Optional<String> voice = Optional.empty();
        var input = RUBY_TEXT.matcher(payload).replaceAll("");
        var text = new StringBuilder();
        var tag = TAG.matcher(input);
        int last = 0;
        while (tag.find()) {
            text.append(input, last, tag.start());
            var voiced = VOICE.matcher(tag.group(1));
            if (voice.isEmpty() && voiced.matches()) {
                voice = Optional.of(decoded(voiced.group(1)).strip()).filter(name -> !name.isEmpty());
            }
            last = tag.end();
        }
        text.append(input, last, input.length());
        // entities after the tags are gone: "&lt;b&gt;" is text, not a tag
        return new Spoken(voice, decoded(text.toString()).strip());
    }

    /** Characters that would be read as markup. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String decoded(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(character(entity)));
    }

    private static String character(MatchResult entity) {
        if (entity.group(3) != null) {
            return NAMED.getOrDefault(entity.group(3), entity.group());
        }
        int code = entity.group(1) != null ? Integer.parseInt(entity.group(1)) : Integer.parseInt(entity.group(2), 16);
        return Character.isValidCodePoint(code) && code != 0 ? Character.toString(code) : entity.group();
    }
}
