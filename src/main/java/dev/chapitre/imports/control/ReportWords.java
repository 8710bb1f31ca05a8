package dev.chapitre.imports.control;

import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;

/**
 * The import's report is stored as it is made and read later, in the language of whoever reads it:
 * its notes, the items' reasons and the job's failure are kept as messages ({@link MessageJson}) and
 * worded when the API answers. Reports stored by earlier versions hold English text: that is said
 * as it was written.
 */
public final class ReportWords {

    private ReportWords() {
    }

    /** Text a column holds: a stored message in {@code locale}'s language, any other text as it is. */
    public static String say(String stored, Locale locale) {
        return stored == null ? null : MessageJson.read(stored).map(message -> say(message, locale, stored)).orElse(stored);
    }

    /** A note of a report's JSON: a stored message as its words, a string (an earlier version's English) as it is. */
    public static JsonValue say(JsonValue stored, Locale locale) {
        if (stored instanceof JsonObject object && object.containsKey("code")) {
            try {
                return Json.createValue(say(MessageJson.fromJson(object), locale, object.toString()));
            } catch (IllegalArgumentException e) {
                return stored;
            }
        }
        return stored;
    }

    /** Every note of a list; what is not a list is left as it is. */
    public static JsonValue sayAll(JsonValue stored, Locale locale) {
        if (!(stored instanceof JsonArray notes)) {
            return stored;
        }
        var said = Json.createArrayBuilder();
        notes.forEach(note -> said.add(say(note, locale)));
        return said.build();
    }

    /** A message whose words are gone (a key a later version removed) is shown as it was stored rather than failing the report. */
    private static String say(Message message, Locale locale, String otherwise) {
        try {
            return message.in(locale);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    /** For a column of {@code max} characters: the stored message, or its English when that would not fit. */
    public static String stored(Message message, int max) {
        var json = MessageJson.text(message);
        return json.length() <= max ? json : message.toString();
    }

    /** Text that is not ours (an exception's message, a library's, a server's): said as it is in every language. */
    public static Message text(String text) {
        return Message.of("imports.text", text);
    }

    /** "one; two; three", in each language's way. */
    public static Message joined(List<Message> parts) {
        if (parts.isEmpty()) {
            return text("");
        }
        var joined = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            joined = Message.of("imports.list.joined", parts.get(i), joined);
        }
        return joined;
    }

    /**
     * What {@link InvalidInput#detail} says ("The episode is not valid: title is required; …"), as
     * a message to be worded later: the same words in English, the reader's own when read.
     */
    public static Message refusal(InvalidInput invalid) {
        var feature = featureOf(invalid.summary());
        return Message.of("platform.invalid", invalid.summary(),
                joined(invalid.violations().stream().map(v -> violation(v, feature)).toList()));
    }

    /** {@link Violation#describe()} as a message, to be worded later. */
    public static Message violation(Violation violation) {
        return violation(violation, featureOf(violation.reason()));
    }

    /** {@link Violation#describe()} as a message: the field named by {@code feature}'s words first. */
    public static Message violation(Violation violation, String feature) {
        var rule = new Message("platform.violation", List.of(label(violation, feature), violation.reason()));
        return violation.item().map(item -> Message.of("platform.violation.item", item(item), rule)).orElse(rule);
    }

    private static Message item(Violation.Item item) {
        var number = String.valueOf(item.index() + 1);
        return item.line().isPresent() ? Message.of("platform.item." + item.kind() + ".line", number, item.line().getAsInt())
                : Message.of("platform.item." + item.kind(), number);
    }

    /** As {@code Violation.label}: the feature's words for the field, else the rule's feature's, else the platform's, else the JSON name in words. */
    private static Serializable label(Violation violation, String feature) {
        var field = violation.field();
        var keys = List.of(feature + ".field." + field, featureOf(violation.reason()) + ".field." + field, "platform.field." + field);
        for (var key : keys) {
            if (Message.words(key, Locale.ROOT).isPresent()) {
                return Message.of(key);
            }
        }
        return field.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    private static String featureOf(Message message) {
        return message.key().substring(0, message.key().indexOf('.'));
    }

    /**
     * {@code prefix + name}'s words when there are some (a field's name as the report says it),
     * else the name as it is.
     */
    static Serializable named(String prefix, String name) {
        var key = prefix + name;
        return key.matches("[a-z]+(\\.[A-Za-z0-9]+)+") && Message.words(key, Locale.ROOT).isPresent() ? Message.of(key) : name;
    }
}
