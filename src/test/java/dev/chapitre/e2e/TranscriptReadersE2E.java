package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One uploaded WebVTT, read back by programs we did not write in every format it is published in:
 * webvtt-py, srt (python3-srt), Python's json, ffmpeg, and the feed by feedparser and podcastparser.
 */
class TranscriptReadersE2E {

    /** Times to the millisecond, voices, accents, an ampersand, and a cue too long for one caption. */
    static final String UPLOADED = """
            WEBVTT

            00:00:00.000 --> 00:00:02.500
            <v Léa>Bonjour et bienvenue dans « Épique » & compagnie.

            00:00:02.500 --> 00:00:05.125
            <v Marc Petit>Merci Léa. Aujourd’hui : 2017, le premier ministre.

            00:00:05.125 --> 00:00:09.001
            <v Léa>Une longue phrase qui dépasse largement les soixante-cinq caractères qu’Apple recommande pour une ligne, donc elle est coupée en plusieurs sous-titres.
            """;

    static Path directory;
    static String show;
    static String episode;
    static List<JsonObject> cues;

    @BeforeAll
    static void aPublishedEpisodeWithItsTranscript() throws Exception {
        var producer = Api.newProducer();
        show = producer.createShow("Épique en sous-titres").getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Sous-titré")
                .add("publishedAt", "2026-01-01T06:00:00Z").build(), Fixtures.cbrMp3Of(12));
        assertEquals(201, created.statusCode(), created.body());
        episode = Api.object(created).getString("slug");
        var put = producer.sendBytes("PUT", "/api/podcasts/" + show + "/episodes/" + episode + "/transcript", "text/vtt",
                UPLOADED.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, put.statusCode(), put.body());
        cues = Api.object(put).getJsonArray("cues").getValuesAs(JsonObject.class);
        directory = Path.of("target", "e2e-transcripts");
        Files.createDirectories(directory);
    }

    @Test
    void webvttSrtAndJsonReadersSeeTheUploadedCuesToTheMillisecond() throws Exception {
        var python = Tools.requirePythonModule("python3-webvtt", "webvtt");
        Tools.requirePythonModule("python3-srt", "srt");
        var files = List.of(download("vtt"), download("srt"), download("json"));
        var script = copy("read_transcripts.py");
        var output = Tools.run(List.of(python.toString(), script.toString(), files.get(0).toString(), files.get(1).toString(),
                files.get(2).toString()));
        var read = (JsonObject) Api.parse(output.lines().reduce((a, b) -> b).orElseThrow());

        for (var reader : List.of("webvtt", "srt")) {
            var captions = read.getJsonArray(reader).getValuesAs(JsonObject.class);
            assertTrue(captions.size() > cues.size(), reader + ": the long cue is split into captions: " + captions);
            for (int i = 0; i < 2; i++) {
                assertEquals(millis(cues.get(i), "startTime"), captions.get(i).getInt("start"), reader);
                assertEquals(millis(cues.get(i), "endTime"), captions.get(i).getInt("end"), reader);
            }
            var parts = captions.subList(2, captions.size());
            assertEquals(5125, parts.get(0).getInt("start"), reader);
            assertEquals(9001, parts.get(parts.size() - 1).getInt("end"), reader + ": the parts end where the cue ends");
            for (int i = 1; i < parts.size(); i++) {
                assertEquals(parts.get(i - 1).getInt("end"), parts.get(i).getInt("start"), reader + ": parts follow each other");
            }
            for (var caption : captions) {
                for (var line : caption.getString("text").split("\n")) {
                    assertTrue(line.length() <= 65 + "Marc Petit: ".length(), reader + ": a caption line of at most 65 characters: " + line);
                }
            }
        }
        var vtt = read.getJsonArray("webvtt").getValuesAs(JsonObject.class);
        assertEquals("<v Marc Petit>Merci Léa. Aujourd’hui : 2017, le premier ministre.", vtt.get(1).getString("raw"));
        // webvtt-py 0.4 leaves character references as they are written
        assertEquals("Bonjour et bienvenue dans « Épique » &amp; compagnie.", vtt.get(0).getString("text"));
        assertEquals(cues.get(2).getString("text"), String.join(" ", vtt.subList(2, vtt.size()).stream()
                .map(c -> c.getString("text").replace("\n", " ")).toList()), "the parts hold the cue's words in order");
        var srt = read.getJsonArray("srt").getValuesAs(JsonObject.class);
        assertEquals("Léa: Bonjour et bienvenue dans « Épique » & compagnie.", srt.get(0).getString("text"));
        assertTrue(srt.get(2).getString("text").startsWith("Léa: Une longue phrase"), srt.get(2).toString());

        var json = read.getJsonArray("json").getValuesAs(JsonObject.class);
        assertEquals(cues.size(), json.size(), "JSON keeps one segment per stored cue");
        for (int i = 0; i < cues.size(); i++) {
            assertEquals(millis(cues.get(i), "startTime"), json.get(i).getInt("start"));
            assertEquals(millis(cues.get(i), "endTime"), json.get(i).getInt("end"));
            assertEquals(cues.get(i).getString("speaker"), json.get(i).getString("speaker"));
            assertEquals(cues.get(i).getString("text"), json.get(i).getString("text"));
        }
    }

    @Test
    void ffmpegConvertsTheWebVttWithoutAnError() throws Exception {
        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        var vtt = download("vtt");
        var converted = directory.resolve("converted.srt");
        Tools.run(List.of(ffmpeg.toString(), "-nostdin", "-loglevel", "error", "-y", "-i", vtt.toString(), converted.toString()));
        var srt = Files.readString(converted);
        assertTrue(srt.contains("00:00:02,500 --> 00:00:05,125\nMerci Léa. Aujourd’hui : 2017, le premier ministre."), srt);
        assertTrue(srt.contains("« Épique » & compagnie"), srt);
    }

    @Test
    void feedparserAndPodcastparserReadTheFeedWithItsTranscripts() throws Exception {
        var python = Tools.requirePythonModule("python3-podcastparser", "podcastparser");
        Tools.requirePythonModule("python3-feedparser", "feedparser");
        var script = copy("read_feed.py");
        var output = Tools.run(List.of(python.toString(), script.toString(), Api.BASE + "/feeds/" + show + ".xml"));
        var read = (JsonObject) Api.parse(output.lines().reduce((a, b) -> b).orElseThrow());

        var feedparser = read.getJsonObject("feedparser");
        assertFalse(feedparser.getBoolean("bozo"), feedparser.getString("bozo_exception"));
        // feedparser 6.0 keeps the last podcast:transcript of an entry
        var last = feedparser.getJsonArray("entries").getJsonObject(0).getJsonObject("podcast_transcript");
        assertEquals(Api.BASE + "/transcripts/" + show + "/" + episode + ".html", last.getString("url"));
        assertEquals("text/html", last.getString("type"));
        assertEquals("fr", last.getString("language"));
        assertEquals(1, read.getJsonObject("podcastparser").getJsonArray("episodes").size(), "gPodder's parser reads the episode");

        var transcripts = read.getJsonArray("transcripts").getJsonArray(0).getValuesAs(JsonObject.class);
        assertEquals(List.of("text/vtt", "application/x-subrip", "application/json", "text/html"),
                transcripts.stream().map(t -> t.getString("type")).toList());
        assertEquals(List.of("captions", "captions", "captions"), transcripts.subList(0, 3).stream().map(t -> t.getString("rel")).toList());
        for (var transcript : transcripts) {
            var served = Api.send(Api.anonymous().request(transcript.getString("url")).GET());
            assertEquals(200, served.statusCode(), transcript.toString());
            assertTrue(served.headers().firstValue("Content-Type").orElseThrow().startsWith(transcript.getString("type")), transcript.toString());
        }
    }

    private static int millis(JsonObject cue, String field) {
        return cue.getJsonNumber(field).bigDecimalValue().movePointRight(3).intValueExact();
    }

    private static Path download(String extension) throws Exception {
        var response = Api.send(Api.anonymous().request("/transcripts/" + show + "/" + episode + "." + extension).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), extension);
        var file = directory.resolve(episode + "." + extension);
        Files.write(file, response.body());
        return file;
    }

    private static Path copy(String resource) throws Exception {
        var script = directory.resolve(resource);
        try (var in = TranscriptReadersE2E.class.getResourceAsStream("/e2e/" + resource)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }
}
