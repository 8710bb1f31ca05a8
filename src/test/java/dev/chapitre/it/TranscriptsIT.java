package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A producer uploads an episode's transcript once; apps and listeners read it in every format. */
public class TranscriptsIT {

    /** Three cues, two speakers (Léa is credited as Léa Martin), one line too long for a caption. */
    public static final String VTT = """
            WEBVTT

            1
            00:00:00.000 --> 00:00:02.500
            <v Léa>Bonjour et bienvenue dans Épique, l'émission qui raconte l'Élysée.

            2
            00:00:02.500 --> 00:00:05.125
            <v Marc Petit>Merci Léa. Aujourd'hui : 2017, le premier ministre.

            3
            00:00:05.125 --> 00:00:09.000
            <v Léa>On commence avec une longue phrase qui dépasse largement les soixante-cinq caractères qu'Apple recommande pour une ligne de sous-titre, donc elle est coupée.
            """;

    final Api producer = Api.newProducer();
    String show;
    String episode;
    String api;

    @BeforeEach
    void aPublishedEpisodeOfTwelveSecondsWithItsCredits() {
        show = producer.createShow("Épique " + System.nanoTime()).getString("slug");
        var metadata = Json.createObjectBuilder().add("title", "L'Élysée en 2017").add("publishedAt", "2026-01-05T06:00:00Z")
                .add("persons", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Léa Martin").add("role", "host")))
                .build();
        var created = producer.uploadEpisode(show, metadata, Fixtures.cbrMp3Of(12));
        assertEquals(201, created.statusCode(), created.body());
        episode = Api.object(created).getString("slug");
        api = "/api/podcasts/" + show + "/episodes/" + episode + "/transcript";
    }

    @Test
    void aVttTranscriptIsStoredOnceAndReadBackAsCuesToTheMillisecondWithItsSpeakers() {
        var put = producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, put.statusCode(), put.body());
        var etag = put.headers().firstValue("ETag").orElseThrow();
        var json = Api.object(put);
        assertEquals("fr", json.getString("language"), "the show's language");
        assertEquals("vtt", json.getString("sourceFormat"));
        var cues = json.getJsonArray("cues").getValuesAs(JsonObject.class);
        assertEquals(3, cues.size());
        assertEquals(2.5, cues.get(0).getJsonNumber("endTime").doubleValue());
        assertEquals(5.125, cues.get(2).getJsonNumber("startTime").doubleValue());
        assertEquals("Marc Petit", cues.get(1).getString("speaker"));
        assertEquals("Merci Léa. Aujourd'hui : 2017, le premier ministre.", cues.get(1).getString("text"));
        var speakers = json.getJsonArray("speakers").getValuesAs(JsonObject.class);
        assertEquals("Léa", speakers.get(0).getString("name"));
        assertEquals("Léa Martin", speakers.get(0).getJsonObject("person").getString("name"), "a first name matches the one credited person who has it");
        assertFalse(speakers.get(1).containsKey("person"), "Marc Petit is not credited");

        var again = producer.get(api);
        assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());
        var srt = producer.get(api, "application/x-subrip");
        assertEquals(200, srt.statusCode());
        assertTrue(srt.body().startsWith("1\n00:00:00,000 --> 00:00:02,500\nLéa: Bonjour"), srt.body());
        var vtt = producer.get(api + "?format=vtt");
        assertTrue(vtt.headers().firstValue("Content-Type").orElseThrow().startsWith("text/vtt"));
        assertTrue(vtt.body().contains("00:00:02.500 --> 00:00:05.125\n<v Marc Petit>Merci Léa."), vtt.body());

        var episodeJson = Api.object(producer.get("/api/podcasts/" + show + "/episodes/" + episode));
        var links = episodeJson.getJsonObject("transcript").getJsonObject("links");
        assertEquals(Api.BASE + "/transcripts/" + show + "/" + episode + ".vtt", links.getString("vtt"));
        assertEquals(List.of("vtt", "srt", "json", "html"), List.copyOf(links.keySet()));
    }

    @Test
    void thePublicReadsEveryFormatWithItsTypeAcrossOriginsAndRevalidates() throws Exception {
        assertEquals(201, producer.sendBytes("PUT", api, "application/octet-stream", VTT.getBytes(StandardCharsets.UTF_8)).statusCode());
        var base = "/transcripts/" + show + "/" + episode;
        for (var format : List.of(new String[] {".vtt", "text/vtt"}, new String[] {".srt", "application/x-subrip"},
                new String[] {".json", "application/json"}, new String[] {".html", "text/html"})) {
            var plain = Api.send(Api.anonymous().request(base + format[0]).GET());
            assertEquals(200, plain.statusCode(), format[0]);
            assertTrue(plain.headers().firstValue("Content-Type").orElseThrow().startsWith(format[1]), format[0]);
            assertEquals("*", plain.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
            var etag = plain.headers().firstValue("ETag").orElseThrow();
            assertTrue(plain.headers().firstValue("Last-Modified").isPresent());
            var notModified = Api.send(Api.anonymous().request(base + format[0]).header("If-None-Match", etag).GET());
            assertEquals(304, notModified.statusCode(), format[0]);
        }
        var gzipped = Api.send(Api.anonymous().request(base + ".vtt").header("Accept-Encoding", "gzip").GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
        var vtt = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(vtt.startsWith("WEBVTT"), vtt);
        for (var line : vtt.split("\n")) {
            assertTrue(line.replaceAll("<[^>]+>", "").length() <= 65, "a cue line of at most 65 characters: " + line);
        }
        var html = Api.send(Api.anonymous().request(base + ".html").GET()).body();
        assertTrue(html.contains("<cite>Marc Petit:</cite>"), html);
        var json = Api.object(Api.send(Api.anonymous().request(base + ".json").GET()));
        assertEquals(5.125, json.getJsonArray("segments").getJsonObject(1).getJsonNumber("endTime").doubleValue());

        var transcripts = feedTranscripts();
        assertEquals(4, transcripts.size());
        assertEquals("text/vtt", transcripts.get(0).getAttribute("type"), "WebVTT first: Apple Podcasts reads it");
        assertEquals(Api.BASE + base + ".vtt", transcripts.get(0).getAttribute("url"));
        assertEquals("fr", transcripts.get(0).getAttribute("language"));
        assertEquals("captions", transcripts.get(0).getAttribute("rel"));
        assertEquals("application/x-subrip", transcripts.get(1).getAttribute("type"));
        assertEquals("text/html", transcripts.get(3).getAttribute("type"));
        assertFalse(transcripts.get(3).hasAttribute("rel"), "a page to read is not captions");
    }

    @Test
    void anSrtWithCrLfAndAByteOrderMarkIsReadWhateverTypeItIsSentAs() {
        var srt = "\uFEFF1\r\n00:00:00,000 --> 00:00:01,250\r\nPremière ligne\r\n\r\n2\r\n00:00:01,250 --> 00:00:03,000\r\nDeuxième : avec des accents éàç\r\n\r\n";
        var put = producer.sendBytes("PUT", api + "?language=fr-ca", "text/plain", srt.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, put.statusCode(), put.body());
        var json = Api.object(put);
        assertEquals("srt", json.getString("sourceFormat"));
        assertEquals("fr-CA", json.getString("language"));
        var cues = json.getJsonArray("cues").getValuesAs(JsonObject.class);
        assertEquals(1.25, cues.get(1).getJsonNumber("startTime").doubleValue());
        assertEquals("Deuxième : avec des accents éàç", cues.get(1).getString("text"));
    }

    @Test
    void everyDefectIsListedWithItsLineAndNothingIsSaved() {
        var first = producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var bad = producer.sendBytes("PUT", api, "text/vtt", """
                WEBVTT

                00:00:00.000 --> 00:00:01.000
                Bien.

                00:00:01.000 --> 00:00:0x.500
                L'heure ne se lit pas.

                00:00:03.000 --> 00:00:02.000
                Finit avant de commencer.

                00:00:01.500 --> 00:00:02.500
                Dans le désordre.

                00:00:04.000 --> 00:00:05.000


                00:00:05.000 --> 00:10:00.000
                Après la fin de l'audio.
                """.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, bad.statusCode(), bad.body());
        var problem = Api.object(bad);
        var lines = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.containsKey("line")).map(e -> e.getInt("line")).sorted().toList();
        assertTrue(lines.containsAll(List.of(6, 9, 12, 15, 18)), problem.toString());
        assertTrue(problem.getString("detail").contains("line 6"), problem.getString("detail"));
        var after = producer.get(api);
        assertEquals(etag, after.headers().firstValue("ETag").orElseThrow(), "the transcript before stays");
        assertEquals(3, Api.object(after).getJsonArray("cues").size());

        var latin1 = producer.sendBytes("PUT", api, "text/vtt",
                "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nL'Élysée\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(422, latin1.statusCode());
        assertTrue(Api.object(latin1).getString("detail").contains("line 4"), latin1.body());
        var mp3 = producer.sendBytes("PUT", api, "application/octet-stream", Fixtures.cbrMp3());
        assertEquals(422, mp3.statusCode());
        assertTrue(Api.object(mp3).getString("detail").contains("not a text file"), mp3.body());
        var both = producer.sendBytes("PUT", api + "?language=pas-une-langue!", "text/vtt", "WEBVTT\n\n00:00:09.000 --> 00:00:08.000\nÀ l'envers.\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("language", "end"), Api.object(both).getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList(), "the language and the file's problems at once");
        var prose = producer.sendBytes("PUT", api, "text/plain", "Juste du texte, sans temps.".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, prose.statusCode(), prose.body());
        assertEquals(etag, producer.get(api).headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aStaleIfMatchIsRefusedAndADeleteTakesTheTranscriptOffTheFeed() throws Exception {
        var put = producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8), "If-None-Match", "*");
        assertEquals(201, put.statusCode(), put.body());
        assertEquals(412, producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8), "If-None-Match", "*").statusCode(),
                "a first upload does not replace one stored meanwhile");
        var etag = put.headers().firstValue("ETag").orElseThrow();
        var replaced = producer.sendBytes("PUT", api, "text/vtt", VTT.replace("Bonjour", "Salut").getBytes(StandardCharsets.UTF_8),
                "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        var newEtag = replaced.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newEtag);
        assertEquals(412, producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8), "If-Match", etag).statusCode());
        assertEquals(412, producer.send(producer.request(api).header("If-Match", etag).DELETE()).statusCode());
        assertEquals(204, producer.send(producer.request(api).header("If-Match", newEtag).DELETE()).statusCode());
        assertEquals(404, producer.get(api).statusCode());
        assertEquals(404, Api.send(Api.anonymous().request("/transcripts/" + show + "/" + episode + ".vtt").GET()).statusCode());
        assertEquals(0, feedTranscripts().size());
        assertFalse(Api.object(producer.get("/api/podcasts/" + show + "/episodes/" + episode)).containsKey("transcript"));
    }

    @Test
    void audioShorterThanTheTranscriptIsRefusedAndTheOldAudioStays() {
        assertEquals(201, producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)).statusCode());
        var path = "/api/podcasts/" + show + "/episodes/" + episode;
        var before = Api.object(producer.get(path)).getJsonObject("audio").getInt("durationMs");
        var shorter = producer.sendBytes("PUT", path + "/audio", "audio/mpeg", Fixtures.cbrMp3());
        assertEquals(422, shorter.statusCode(), shorter.body());
        assertTrue(Api.object(shorter).getString("detail").contains("shorter than the transcript, whose last cue ends at 00:00:09"),
                shorter.body());
        assertEquals(before, Api.object(producer.get(path)).getJsonObject("audio").getInt("durationMs"), "the old audio kept");
    }

    @Test
    void anEpisodeAndAShowGoWithTheirTranscripts() {
        assertEquals(201, producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(204, producer.delete("/api/podcasts/" + show + "/episodes/" + episode).statusCode());
        assertEquals(404, producer.get(api).statusCode());
        var other = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Autre").build(), Fixtures.cbrMp3()));
        assertEquals(201, producer.sendBytes("PUT", "/api/podcasts/" + show + "/episodes/" + other.getString("slug") + "/transcript",
                "text/plain", "[00:00:00] Léa: Au revoir.\n".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(204, producer.delete("/api/podcasts/" + show).statusCode());
    }

    @Test
    void aDraftsTranscriptIsItsProducersOnlyAndAnotherProducerSeesNothing() {
        var draft = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Brouillon").build(), Fixtures.cbrMp3()));
        var draftApi = "/api/podcasts/" + show + "/episodes/" + draft.getString("slug") + "/transcript";
        assertEquals(201, producer.sendBytes("PUT", draftApi, "text/plain", "[00:00:00] Léa: Pas encore publié.\n".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(200, producer.get(draftApi).statusCode());
        assertEquals(404, Api.send(Api.anonymous().request("/transcripts/" + show + "/" + draft.getString("slug") + ".vtt").GET()).statusCode());
        assertEquals(404, Api.newProducer().get(draftApi).statusCode());
        assertEquals(404, Api.newProducer().sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)).statusCode());
    }

    @Test
    void chapterTitlesAreSuggestedFromTheFirstWordsAfterEachStart() {
        producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, producer.send("PUT", "/api/podcasts/" + show + "/episodes/" + episode + "/chapters", "text/plain",
                "00:00:00 Début\n00:00:02.400 Suite\n").statusCode());
        var suggestions = Api.object(producer.get(api + "/chapter-titles")).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals("Bonjour et bienvenue dans Épique, l'émission qui raconte…", suggestions.get(0).getString("suggestedTitle"));
        assertEquals("Merci Léa. Aujourd'hui : 2017, le premier ministre", suggestions.get(1).getString("suggestedTitle"),
                "a sentence of two words is not yet a title");
        assertEquals("Suite", suggestions.get(1).getString("title"));
    }

    @Test
    void aRenamedEpisodesTranscriptAddressRedirects() {
        assertEquals(201, producer.sendBytes("PUT", api, "text/vtt", VTT.getBytes(StandardCharsets.UTF_8)).statusCode());
        var renamed = producer.send("PATCH", "/api/podcasts/" + show + "/episodes/" + episode, "application/merge-patch+json",
                "{\"slug\":\"elysee-2017\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        var old = Api.send(Api.anonymous().request("/transcripts/" + show + "/" + episode + ".srt").GET());
        assertEquals(301, old.statusCode());
        assertEquals(Api.BASE + "/transcripts/" + show + "/elysee-2017.srt", old.headers().firstValue("Location").orElseThrow());
    }

    private List<Element> feedTranscripts() throws Exception {
        var feed = Api.send(Api.anonymous().request("/feeds/" + show + ".xml").GET(), HttpResponse.BodyHandlers.ofByteArray());
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body()));
        var nodes = document.getElementsByTagNameNS("https://podcastindex.org/namespace/1.0", "transcript");
        var elements = new java.util.ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
