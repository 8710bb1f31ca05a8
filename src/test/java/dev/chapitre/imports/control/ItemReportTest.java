package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.imports.control.ChapterSources.Found;
import dev.chapitre.imports.control.ChapterSources.Source;
import dev.chapitre.platform.entity.Message;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemReportTest {

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    static List<String> said(JsonArray notes, Locale locale) {
        return ((JsonArray) ReportWords.sayAll(notes, locale)).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<Chapter> at(long... starts) {
        return java.util.Arrays.stream(starts).mapToObj(ms -> new Chapter(ms, "c" + ms, null, null, true)).toList();
    }

    @Test
    void theNotesAreStoredAsMessagesAndSaidInEachLanguage() {
        var found = List.of(Found.of(Source.PODCAST_CHAPTERS, at(0, 60_000, 120_000)), Found.of(Source.SHOW_NOTES, at(0, 60_000)),
                Found.unreadable(Source.ID3, "Unexpected end of tag"));
        var report = new ItemReport().declared(1000, Optional.of(90_000L)).audio(5000, 61_900)
                .chapters(found, ChapterSources.choose(found, all -> all))
                .linkedImages(true, 2)
                .transcripts(1, Optional.empty(), List.of(Message.of("imports.transcript.untimed", "https://old.example/1.html", "text/html")));
        var json = parse(report.json());
        var stored = json.getJsonArray("attention");
        assertEquals("imports.audio.duration", stored.getJsonObject(0).getString("code"), "a message, not words");
        assertEquals(List.of(
                "The old feed gave a duration of 90 s; the audio lasts 61 s.",
                "The id3 chapters could not be read: Unexpected end of tag",
                "The chapter sources disagree: podcast:chapters has 3 chapters, show notes 2; podcast:chapters was kept.",
                "The episode's image and 2 chapter image(s) stay linked at the old host (Chapitre does not store episode or chapter images"
                        + " yet): they break if the old host removes them.",
                "A transcript was not brought over: https://old.example/1.html (text/html) has no times, and Chapitre stores timed"
                        + " transcripts: upload a VTT, SRT or JSON transcript in the studio."), said(stored, Locale.ENGLISH));
        assertEquals(List.of(
                "L’ancien flux indiquait une durée de 90 s ; l’audio dure 61 s.",
                "Impossible de lire les chapitres depuis les balises ID3 du MP3 : Unexpected end of tag",
                "Les sources de chapitres ne concordent pas : 3 chapitres d’après le fichier podcast:chapters, 2 d’après les notes de"
                        + " l’épisode ; source retenue : le fichier podcast:chapters.",
                "L’image de l’épisode et 2 image(s) de chapitre restent des liens vers l’ancien hébergeur (Chapitre ne conserve pas encore"
                        + " les images d’épisode ni de chapitre) : elles disparaîtront si l’ancien hébergeur les supprime.",
                "Une transcription n’a pas été reprise : https://old.example/1.html (text/html) n’a pas d’horodatage, et Chapitre conserve"
                        + " des transcriptions horodatées : envoyez une transcription VTT, SRT ou JSON dans le studio."), said(stored, Locale.FRENCH));
        var chapters = json.getJsonObject("chapters");
        assertEquals("podcast:chapters", chapters.getString("source"), "a source's name in the data stays as it is");
        assertEquals(List.of("podcast:chapters has 3 chapters, show notes 2"), said(chapters.getJsonArray("disagreements"), Locale.ENGLISH));
    }

    @Test
    void linkedImagesAreSaidAsBefore() {
        var tail = " stay linked at the old host (Chapitre does not store episode or chapter images yet): they break if the old host removes them.";
        assertEquals(List.of("The episode's image" + tail), said(parse(new ItemReport().linkedImages(true, 0).json()).getJsonArray("attention"), Locale.ENGLISH));
        assertEquals(List.of("3 chapter image(s)" + tail), said(parse(new ItemReport().linkedImages(false, 3).json()).getJsonArray("attention"), Locale.ENGLISH));
        assertEquals(List.of(), said(parse(new ItemReport().linkedImages(false, 0).json()).getJsonArray("attention"), Locale.ENGLISH));
    }
}
