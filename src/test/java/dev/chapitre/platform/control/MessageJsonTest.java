package dev.chapitre.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    @Test
    void aMessageAndTheMessagesInItAreKeptAsCodeAndArguments() {
        var message = Message.of("platform.json.wrongType", "season", Message.of("platform.json.type.integer"), "it's {1}");
        var json = MessageJson.toJson(message);
        assertEquals("{\"code\":\"platform.json.wrongType\",\"arguments\":[\"season\",{\"code\":\"platform.json.type.integer\","
                + "\"arguments\":[]},\"it's {1}\"]}", json.toString());
        assertEquals(message, MessageJson.fromJson(json));
        assertEquals("« season » doit être un nombre entier, pas it's {1}.", MessageJson.fromJson(json).in(Locale.FRENCH));
    }

    @Test
    void itsTextIsRecognisedAndOtherTextIsNot() {
        var message = Message.of("platform.tooLong", 255);
        var text = MessageJson.text(message);
        assertTrue(text.startsWith(MessageJson.START), text);
        assertEquals(Optional.of(message), MessageJson.read(text));
        assertEquals(Optional.empty(), MessageJson.read("The audio could not be downloaded: 404"), "what earlier versions stored");
        assertEquals(Optional.empty(), MessageJson.read("{\"code\": broken"), "not JSON");
        assertEquals(Optional.empty(), MessageJson.read("{\"code\":\"nofeature\"}"), "not a key");
        assertEquals(Optional.empty(), MessageJson.read("{\"code\":42}"));
        assertEquals(Optional.empty(), MessageJson.read(null));
    }

    @Test
    void argumentsWrittenByHandAreKeptAsText() {
        var json = Json.createObjectBuilder().add("code", "platform.tooLong").add("arguments", Json.createArrayBuilder().add(255)).build();
        assertEquals("must be at most 255 characters", MessageJson.fromJson(json).in(Locale.ENGLISH));
        assertEquals(Message.of("platform.required"), MessageJson.fromJson(Json.createObjectBuilder().add("code", "platform.required").build()));
        assertThrows(IllegalArgumentException.class, () -> MessageJson.fromJson(Json.createObjectBuilder().add("key", "platform.required").build()));
    }
}
