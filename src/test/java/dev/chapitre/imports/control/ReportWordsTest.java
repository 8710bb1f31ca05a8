package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.platform.control.MessageJson;
import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import jakarta.json.Json;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportWordsTest {

    @Test
    void aNoteIsWordedInTheReadersLanguage() {
        var note = Message.of("imports.category.notApple", "Games & Hobbies");
        var stored = MessageJson.text(note);
        assertEquals("The category 'Games & Hobbies' is not one of Apple Podcasts' categories: not kept; choose one in the show's settings.",
                ReportWords.say(stored, Locale.ENGLISH));
        assertEquals("La catégorie « Games & Hobbies » ne fait pas partie des catégories d’Apple Podcasts : elle n’a pas été reprise ;"
                + " choisissez-en une dans les réglages de l’émission.", ReportWords.say(stored, Locale.FRENCH));
        assertEquals(Json.createValue("The category 'Games & Hobbies' is not one of Apple Podcasts' categories: not kept; choose one in"
                + " the show's settings."), ReportWords.say(MessageJson.toJson(note), Locale.GERMAN), "English for other languages");
    }

    @Test
    void whatEarlierVersionsStoredIsSaidAsItIs() {
        var english = "The audio could not be downloaded: https://old.example/7.mp3 answered 404 Not Found.";
        assertEquals(english, ReportWords.say(english, Locale.FRENCH));
        assertEquals(Json.createValue(english), ReportWords.say(Json.createValue(english), Locale.FRENCH));
        var mixed = Json.createArrayBuilder().add(english).add(MessageJson.toJson(Message.of("imports.item.noGuid"))).build();
        assertEquals(Json.createArrayBuilder().add(english).add("L’élément n’a pas de guid : l’adresse de son fichier audio (enclosure)"
                + " lui sert de guid ici, comme dans les applications.").build(), ReportWords.sayAll(mixed, Locale.FRENCH));
        assertEquals(null, ReportWords.say((String) null, Locale.FRENCH));
    }

    @Test
    void aMessageWhoseWordsAreGoneIsShownAsStored() {
        var gone = "{\"code\":\"imports.noLongerSaid\",\"arguments\":[]}";
        assertEquals(gone, ReportWords.say(gone, Locale.FRENCH), "a report never fails for one note");
    }

    @Test
    void aMessageTooLongForItsColumnIsStoredInEnglish() {
        var long_ = Message.of("imports.episode.notSaved", "x".repeat(50));
        assertTrue(ReportWords.stored(long_, 2000).startsWith(MessageJson.START));
        assertEquals(long_.toString(), ReportWords.stored(long_, 40));
    }

    @Test
    void aRefusalSaysInEnglishWhatItsExceptionSaysAndInFrenchWhatTheRefusalWould() {
        var refusals = List.of(
                new InvalidInput(Message.of("podcasts.invalid"), List.of(new Violation("ownerEmail", Message.of("podcasts.ownerEmail.email")))),
                new InvalidInput(Message.of("episodes.invalid"), List.of(new Violation("title", Message.of("platform.required")),
                        new Violation("season", Message.of("episodes.season.min")), new Violation("oddFieldName", Message.of("platform.required")))),
                new InvalidInput(Message.of("chapters.notSaved"), List.of(
                        Violation.ofItem("chapter", 2, "startTime", Message.of("platform.required")),
                        Violation.ofItem("chapter", 0, "title", Message.of("platform.tooLong", 500)))).onLines(List.of(3, 5, 9)),
                new InvalidInput(Message.of("transcripts.notSaved"), List.of(Violation.ofItem("cue", 4, "start", Message.of("platform.required")))));
        for (var refusal : refusals) {
            assertEquals(refusal.getMessage(), refusal.detail().in(Locale.ENGLISH));
            var stored = MessageJson.text(refusal.detail());
            assertEquals(refusal.getMessage(), ReportWords.say(stored, Locale.ENGLISH), "kept and read back");
            assertEquals(refusal.detail(Locale.FRENCH), ReportWords.say(stored, Locale.FRENCH), "and said in French when read in French");
        }
    }

    @Test
    void textThatIsNotOursIsTheSameInEveryLanguage() {
        var foreign = Message.text("Unexpected end of ID3 tag {0}");
        assertEquals("Unexpected end of ID3 tag {0}", foreign.in(Locale.FRENCH));
        assertEquals("a; b; c", Message.joined(List.of(Message.text("a"), Message.text("b"), Message.text("c"))).toString());
        assertEquals("a ; b ; c", Message.joined(List.of(Message.text("a"), Message.text("b"), Message.text("c"))).in(Locale.FRENCH));
    }
}
