package dev.chapitre.imports.control;

import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
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

    /**
     * {@code prefix + name}'s words when there are some (a field's name as the report says it),
     * else the name as it is.
     */
    static Serializable named(String prefix, String name) {
        var key = prefix + name;
        return key.matches("[a-z]+(\\.[A-Za-z0-9]+)+") && Message.words(key, Locale.ROOT).isPresent() ? Message.of(key) : name;
    }
}
