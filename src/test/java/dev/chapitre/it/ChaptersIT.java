package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer marks chapters, as JSON or as text. */
class ChaptersIT {

    final Api producer = Api.newProducer();
    String path;

    @BeforeEach
    void anEpisodeOfSixSeconds() {
        var show = producer.createShow("Chapitres").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Le premier").build(), Fixtures.cbrMp3()));
        path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug") + "/chapters";
    }

    @Test
    void jsonChaptersAreSortedKeptToTheMillisecondAndReadBackAsText() {
        var put = producer.send("PUT", path, "application/json", """
                {"version":"1.2.0","chapters":[
                  {"startTime":2.5,"title":"2. 2017 – 1er PM : les débuts","url":"https://example.org/débuts"},
                  {"startTime":0,"title":"1. Intro ’ « É » 🎙️"},
                  {"startTime":4.123,"title":"3. Coulisses","img":"https://example.org/c.jpg","toc":false}
                ]}""");
        assertEquals(200, put.statusCode(), put.body());
        var chapters = Api.object(put).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals("1. Intro ’ « É » 🎙️", chapters.get(0).getString("title"));
        assertEquals(2.5, chapters.get(1).getJsonNumber("startTime").doubleValue());
        assertEquals(4.123, chapters.get(2).getJsonNumber("startTime").doubleValue());
        assertEquals(false, chapters.get(2).getBoolean("toc"));
        assertTrue(put.headers().firstValue("ETag").isPresent());

        var text = producer.get(path, "text/plain");
        assertEquals(200, text.statusCode());
        assertEquals("""
                00:00:00.000 1. Intro ’ « É » 🎙️
                00:00:02.500 2. 2017 – 1er PM : les débuts <https://example.org/débuts>
                00:00:04.123 3. Coulisses
                """, text.body());
        assertEquals(put.headers().firstValue("ETag"), text.headers().firstValue("ETag"));
    }

    @Test
    void textChaptersAreAccepted() {
        var put = producer.send("PUT", path, "text/plain; charset=utf-8",
                "\uFEFF00:00:00 Ouverture\r\n\r\n00:00:01.5 Deuxième <https://example.org/2>\r\n0:00:03.250 Troisième\r\n");
        assertEquals(200, put.statusCode(), put.body());
        var json = Api.object(producer.get(path, "application/json")).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(3, json.size());
        assertEquals(1.5, json.get(1).getJsonNumber("startTime").doubleValue());
        assertEquals("https://example.org/2", json.get(1).getString("url"));
        assertEquals(3.25, json.get(2).getJsonNumber("startTime").doubleValue());
    }

    @Test
    void everyBrokenRuleIsListedByChapterAndNothingIsSaved() {
        assertEquals(200, producer.send("PUT", path, "application/json",
                "{\"chapters\":[{\"startTime\":0,\"title\":\"Kept\"}]}").statusCode());
        var bad = producer.send("PUT", path, "application/json", """
                {"chapters":[
                  {"startTime":0,"title":"Fine"},
                  {"startTime":-1,"title":"Negative"},
                  {"startTime":99,"title":"After the end"},
                  {"startTime":0,"title":"Same time as the first"},
                  {"startTime":1,"title":"   "},
                  {"startTime":2,"title":"Bad link","url":"javascript:alert(1)"},
                  {"startTime":3,"title":"Tab\\tinside"}
                ]}""");
        assertEquals(422, bad.statusCode(), bad.body());
        var errors = Api.object(bad).getJsonArray("errors").getValuesAs(JsonObject.class);
        var byIndex = errors.stream().map(e -> e.getInt("index") + ":" + e.getString("field")).toList();
        assertTrue(byIndex.containsAll(java.util.List.of("1:startTime", "2:startTime", "3:startTime", "4:title", "5:url", "6:title")), byIndex.toString());
        assertTrue(Api.object(bad).getString("detail").contains("chapter 2: start time must not be negative"),
                "the second chapter sent, in words: " + Api.object(bad).getString("detail"));
        var current = Api.object(producer.get(path)).getJsonArray("chapters");
        assertEquals(1, current.size());
        assertEquals("Kept", current.getJsonObject(0).getString("title"));
    }

    @Test
    void textErrorsNameTheLine() {
        var bad = producer.send("PUT", path, "text/plain", "00:00:00 Un\nnot a chapter\n00:00:30 Trop tard\n");
        assertEquals(422, bad.statusCode());
        assertTrue(Api.object(bad).getString("detail").contains("line 2"), bad.body());
        var late = producer.send("PUT", path, "text/plain", "00:00:00 Un\n00:00:30 Trop tard\n");
        assertEquals(422, late.statusCode());
        assertEquals(2, Api.object(late).getJsonArray("errors").getJsonObject(0).getInt("line"));
    }

    @Test
    void moreThan255ChaptersAreRefused() {
        var list = Json.createArrayBuilder();
        for (int i = 0; i < 256; i++) {
            list.add(Json.createObjectBuilder().add("startTime", i * 0.02).add("title", "Chapitre " + i));
        }
        var response = producer.send("PUT", path, "application/json", Json.createObjectBuilder().add("chapters", list).build().toString());
        assertEquals(422, response.statusCode());
        assertTrue(Api.object(response).getString("detail").contains("255"));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();
        assertEquals(200, producer.send("PUT", path, "application/json", "{\"chapters\":[{\"startTime\":0,\"title\":\"A\"}]}",
                "If-Match", etag).statusCode());
        var stale = producer.send("PUT", path, "application/json", "{\"chapters\":[{\"startTime\":0,\"title\":\"B\"}]}", "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertEquals("A", Api.object(producer.get(path)).getJsonArray("chapters").getJsonObject(0).getString("title"));
        var malformed = producer.send("PUT", path, "application/json", "{\"chapters\": [");
        assertEquals(400, malformed.statusCode());
    }
}
