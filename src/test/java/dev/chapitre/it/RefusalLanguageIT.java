package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The API's refusals in the reader's language: French when its Accept-Language prefers French (as
 * the studio's does), English otherwise; the answer says which, and programs keep the same codes.
 */
class RefusalLanguageIT {

    final Api producer = Api.newProducer();

    @Test
    void aBrokenRuleIsSaidInFrenchToAFrenchReaderAndInEnglishToOthers() {
        var body = Json.createObjectBuilder().add("language", "fr").add("ownerEmail", "pas une adresse").build().toString();

        var french = producer.send("POST", "/api/podcasts", "application/json", body, "Accept-Language", "de-DE, fr;q=0.8, en;q=0.5");
        assertEquals(422, french.statusCode(), french.body());
        assertEquals("L’émission n’est pas valide : Titre : obligatoire ; E-mail du propriétaire : doit être une adresse e-mail",
                Api.object(french).getString("detail"));
        var error = Api.object(french).getJsonArray("errors").getJsonObject(0);
        assertEquals("title", error.getString("field"));
        assertEquals("platform.required", error.getString("code"), "programs go by the code, the same in every language");
        assertEquals("obligatoire", error.getString("reason"));
        assertLanguage("fr", french);

        var english = producer.send("POST", "/api/podcasts", "application/json", body);
        assertEquals(422, english.statusCode());
        assertEquals("The show is not valid: title is required; owner email must be an email address", Api.object(english).getString("detail"));
        assertEquals("platform.required", Api.object(english).getJsonArray("errors").getJsonObject(0).getString("code"));
        assertLanguage("en", english);

        var german = producer.send("POST", "/api/podcasts", "application/json", body, "Accept-Language", "de");
        assertEquals(Api.object(english).getString("detail"), Api.object(german).getString("detail"), "English for a language we do not speak");
        var malformed = producer.send("POST", "/api/podcasts", "application/json", body, "Accept-Language", "fr_FR;q=x");
        assertEquals(422, malformed.statusCode(), "a header no one can parse is no reason for a 500: " + malformed.body());
        assertEquals(Api.object(english).getString("detail"), Api.object(malformed).getString("detail"));
        assertEquals(404, producer.send("GET", "/api/podcasts/nulle-part", null, "", "Accept-Language", "fr_FR").statusCode());
    }

    @Test
    void aChapterIsNamedByItsNumberAndLineInFrench() {
        var show = producer.createShow("Refus").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Court").build(), Fixtures.cbrMp3()));
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug") + "/chapters";
        var late = producer.send("PUT", path, "text/plain", "00:00:00 Un\n00:00:30 Trop tard\n", "Accept-Language", "fr-FR");
        assertEquals(422, late.statusCode(), late.body());
        var detail = Api.object(late).getString("detail");
        assertTrue(detail.startsWith("Les chapitres n’ont pas été enregistrés : Début (chapitre 2, ligne 2) : "), detail);
        assertEquals(2, Api.object(late).getJsonArray("errors").getJsonObject(0).getInt("line"));
        assertLanguage("fr", late);
    }

    @Test
    void theBoundarysRefusalsAndJaxRsOwnAreFrenchToo() {
        var unknownShow = producer.send("GET", "/api/podcasts/nulle-part", null, "", "Accept-Language", "fr");
        assertEquals(404, unknownShow.statusCode());
        assertTrue(Api.object(unknownShow).getString("detail").equals("Vous n’avez pas d’émission « nulle-part »."), unknownShow.body());
        assertLanguage("fr", unknownShow);

        var nowhere = producer.send("GET", "/api/nothing-here", null, "", "Accept-Language", "fr");
        assertEquals(404, nowhere.statusCode());
        assertEquals("Il n’y a rien à cette adresse.", Api.object(nowhere).getString("detail"));

        var notJson = producer.send("POST", "/api/podcasts", "application/json", "{\"title\": ", "Accept-Language", "fr");
        assertEquals(400, notJson.statusCode());
        assertTrue(Api.object(notJson).getString("detail").startsWith("Le corps n’est pas du JSON valide"), notJson.body());

        var wrongType = producer.send("POST", "/api/podcasts", "application/json", "{\"title\":\"T\",\"explicit\":\"oui\"}", "Accept-Language", "fr");
        assertEquals(422, wrongType.statusCode());
        assertEquals("« explicit » doit être true ou false, pas une chaîne.", Api.object(wrongType).getString("detail"));
    }

    private static void assertLanguage(String language, HttpResponse<String> response) {
        assertEquals(language, response.headers().firstValue("Content-Language").orElse(""), "the answer says its language");
        assertTrue(response.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Language")), response.headers().toString());
    }
}
