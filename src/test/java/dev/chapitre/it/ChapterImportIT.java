package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chapters brought from other tools, through the same parsers as the studio's editor. */
class ChapterImportIT {

    final Api producer = Api.newProducer();
    String path;

    @BeforeEach
    void anEpisodeWithTimestampsInItsNotes() {
        var show = producer.createShow("Importations").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Avec notes")
                .add("description", "<p>Au programme :</p><ul><li>0:00 Ouverture</li><li>0:02 – Le cœur &amp; l'âme</li></ul>"
                        + "<p>0:04 Fin<br>Merci !</p>").build(), Fixtures.cbrMp3()));
        path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug") + "/chapters";
    }

    @Test
    void aPreviewShowsWhatWouldBeSavedAndSavesNothing() {
        var preview = producer.send("POST", path + "/import?format=youtube&preview=true", "text/plain",
                "0:03 Trois\r\n0:00 Zéro\r\n0:01.5 Un et demi\r\n");
        assertEquals(200, preview.statusCode(), preview.body());
        assertEquals(List.of("Zéro", "Un et demi", "Trois"), titles(Api.object(preview)), "sorted as they would be saved");
        assertEquals(0, Api.object(producer.get(path)).getJsonArray("chapters").size(), "nothing saved");
    }

    @Test
    void importingReplacesTheChaptersAndEveryFormatExportsThem() {
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();
        var saved = producer.send("POST", path + "/import?format=audacity", "text/plain",
                "0.000000\t0.000000\tIntro\n2,500000\t2,500000\tSuite\n", "If-Match", etag);
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(List.of("Intro", "Suite"), titles(Api.object(producer.get(path))));
        assertEquals(412, producer.send("POST", path + "/import?format=youtube", "text/plain", "0:00 Autre", "If-Match", etag).statusCode());

        var youtube = producer.get(path + "/export?format=youtube");
        assertEquals("0:00 Intro\n0:02 Suite\n", youtube.body());
        assertTrue(youtube.headers().firstValue("Content-Disposition").orElseThrow().contains("chapters-youtube.txt"));
        assertEquals("00:00:00.000 Intro\n00:00:02.500 Suite\n", producer.get(path + "/export?format=mp4chaps").body());
        assertEquals("2.500000\t2.500000\tSuite", producer.get(path + "/export?format=audacity").body().lines().toList().get(1));
        assertEquals(2.5, ((JsonObject) Api.parse(producer.get(path + "/export?format=json").body())).getJsonArray("chapters")
                .getJsonObject(1).getJsonNumber("startTime").doubleValue());
    }

    @Test
    void theShowNotesTimestampsBecomeChapters() {
        var saved = producer.send("POST", path + "/import?format=shownotes", "text/plain", "");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(List.of("Ouverture", "Le cœur & l'âme", "Fin"), titles(Api.object(saved)));
    }

    @Test
    void everyProblemIsReportedByLineAndNothingIsSaved() {
        var notATime = producer.send("POST", path + "/import?format=youtube", "text/plain", "0:00 Intro\nDu texte\n");
        assertEquals(422, notATime.statusCode());
        assertTrue(Api.object(notATime).getString("detail").contains("line 2"), notATime.body());

        var rules = producer.send("POST", path + "/import?format=youtube", "text/plain", "0:00\n0:01 Un\n0:01 Encore un\n9:00 Trop tard\n");
        assertEquals(422, rules.statusCode());
        var detail = Api.object(rules).getString("detail");
        assertTrue(detail.contains("chapter 1 (line 1): title is required") && detail.contains("chapter 3 (line 3): start time is the same as chapter 2's")
                && detail.contains("chapter 4 (line 4): start time is at or after"), "numbered from 1, in words: " + detail);
        assertEquals(0, Api.object(producer.get(path)).getJsonArray("chapters").size());

        var unknown = producer.send("POST", path + "/import?format=srt", "text/plain", "1\n00:00:00,000 --> 00:00:01,000\nx");
        assertEquals(400, unknown.statusCode());
        assertTrue(Api.object(unknown).getString("detail").contains("mp4chaps, youtube, audacity, json, shownotes"));
    }

    private static List<String> titles(JsonObject document) {
        return document.getJsonArray("chapters").getValuesAs(JsonObject.class).stream().map(c -> c.getString("title")).toList();
    }
}
