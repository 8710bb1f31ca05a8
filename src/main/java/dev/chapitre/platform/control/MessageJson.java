package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Optional;

/**
 * A {@link Message} kept for later, to be worded when it is read (a report stored in the database
 * is read by a producer whose language is known only then): {@code {"code": key, "arguments": [...]}},
 * each argument a string or a message of the same shape.
 */
public final class MessageJson {

    /** How the text of a stored message starts ({@link #toJson} writes its code first). */
    public static final String START = "{\"code\":";

    private MessageJson() {
    }

    public static JsonObject toJson(Message message) {
        var arguments = Json.createArrayBuilder();
        for (var argument : message.arguments()) {
            if (argument instanceof Message nested) {
                arguments.add(toJson(nested));
            } else {
                arguments.add(argument.toString());
            }
        }
        return Json.createObjectBuilder().add("code", message.key()).add("arguments", arguments).build();
    }

    /** The text of {@link #toJson}, to store in a text column or a JSON document. */
    public static String text(Message message) {
        return toJson(message).toString();
    }

    public static JsonArrayBuilder array(Iterable<Message> messages) {
        var array = Json.createArrayBuilder();
        messages.forEach(message -> array.add(toJson(message)));
        return array;
    }

    /**
     * The message {@link #toJson} wrote. Arguments that are neither strings nor objects (a number
     * someone wrote by hand) are kept as their JSON text.
     *
     * @throws IllegalArgumentException when {@code json} is not a message (no code, a code that names no feature)
     */
    public static Message fromJson(JsonObject json) {
        if (!(json.get("code") instanceof JsonString code)) {
            throw new IllegalArgumentException("A stored message has a code: " + json);
        }
        var arguments = new ArrayList<Serializable>();
        var stored = json.get("arguments");
        if (stored != null && stored.getValueType() == JsonValue.ValueType.ARRAY) {
            for (var argument : stored.asJsonArray()) {
                arguments.add(switch (argument.getValueType()) {
                    case STRING -> ((JsonString) argument).getString();
                    case OBJECT -> fromJson(argument.asJsonObject());
                    case NULL -> "";
                    default -> argument.toString();
                });
            }
        }
        return new Message(code.getString(), arguments);
    }

    /**
     * The message a text holds, if it is one {@link #text} wrote; any other text (what earlier
     * versions stored, in words) is not a message.
     */
    public static Optional<Message> read(String text) {
        if (text == null || !text.startsWith(START)) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return Optional.of(fromJson(reader.readObject()));
        } catch (JsonException | IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
