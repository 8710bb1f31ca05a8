package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An episode's waveform, pauses, suggested chapters and per-app checks, computed by the server after
 * the upload. The audio: a tone silent from 2.0 to 3.5 s (ffmpeg places the silence at 2.020–3.506 s).
 */
public class WaveformsIT {

    static final Duration COMPUTED = Duration.ofSeconds(60);

    final Api producer = Api.newProducer();
    String show;
    String path;

    @BeforeEach
    void anEpisodeWithAPause() {
        show = producer.createShow("Ondes " + System.nanoTime()).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Une pause").build(),
                Fixtures.resource("/audio/tone-pause-64k.mp3"));
        assertEquals(201, created.statusCode(), created.body());
        path = "/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug");
    }

    HttpResponse<byte[]> waveform(String... headers) {
        var request = producer.request(path + "/waveform");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return Api.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> ready() {
        return Poll.until("the waveform is computed", COMPUTED, () -> {
            var answer = waveform();
            if (answer.statusCode() == 202) {
                assertEquals("2", answer.headers().firstValue("Retry-After").orElseThrow());
                return Optional.empty();
            }
            return Optional.of(answer);
        });
    }

    @Test
    void thePeaksAreAudiowaveformDataOfTenMillisecondPixels() {
        var answer = ready();

        assertEquals(200, answer.statusCode());
        assertEquals("application/vnd.audiowaveform.dat", answer.headers().firstValue("Content-Type").orElseThrow());
        var header = ByteBuffer.wrap(answer.body()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, header.getInt(), "version");
        assertEquals(1, header.getInt(), "8-bit");
        assertEquals(44_100, header.getInt());
        assertEquals(441, header.getInt());
        int pixels = header.getInt();
        assertEquals(600, pixels, 3);
        assertEquals(20 + 2 * pixels, answer.body().length);
        assertTrue(answer.body()[20 + 2 * 100 + 1] > 0 && answer.body()[20 + 2 * 280 + 1] == 0, "the tone, then the silence");

        var etag = answer.headers().firstValue("ETag").orElseThrow();
        assertTrue(answer.headers().firstValue("Cache-Control").orElseThrow().contains("private"));
        assertEquals(304, waveform("If-None-Match", etag).statusCode());
        var json = Api.object(producer.get(path + "/waveform", "application/json"));
        assertEquals(pixels, json.getInt("length"));
        assertEquals(2 * pixels, json.getJsonArray("data").size());
    }

    @Test
    void thePauseIsWhereFfmpegFindsIt() {
        ready();
        var pauses = Api.array(producer.get(path + "/pauses")).getValuesAs(JsonObject.class);

        assertEquals(1, pauses.size(), pauses.toString());
        assertEquals(2.020, pauses.get(0).getJsonNumber("start").doubleValue(), 0.05);
        assertEquals(3.506, pauses.get(0).getJsonNumber("end").doubleValue(), 0.05);
    }

    @Test
    void suggestionsStartAtZeroAndAtThePauseNothingSaved() {
        ready();
        var suggested = Api.object(producer.get(path + "/chapters/suggestions")).getJsonArray("chapters").getValuesAs(JsonObject.class);

        assertEquals("start", suggested.get(0).getString("reason"));
        assertEquals(0, suggested.get(0).getJsonNumber("startTime").doubleValue());
        assertEquals(List.of(), Api.object(producer.get(path + "/chapters")).getJsonArray("chapters"), "suggestions are not saved");
    }

    @Test
    void checksWarnForTwoChaptersAndForAStartInsideTheSound() {
        ready();
        var etag = producer.get(path + "/chapters").headers().firstValue("ETag").orElseThrow();
        var two = """
                {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Le son"}, {"startTime": 3.5, "title": "Le retour"}]}""";
        assertEquals(200, producer.send("PUT", path + "/chapters", "application/json", two, "If-Match", etag).statusCode());

        var saved = Api.array(producer.get(path + "/chapters/checks")).getValuesAs(JsonObject.class);
        assertEquals(List.of("apple", "youtube", "youtube", "youtube"), saved.stream().map(c -> c.getString("app")).toList(), saved.toString());
        assertEquals("warning", saved.get(0).getString("level"));
        assertEquals("fewChapters", saved.get(0).getString("code"));
        assertTrue(saved.get(0).getString("message").startsWith("Apple Podcasts shows a creator's chapters from three on"), saved.toString());
        // The studio asks in its own language: the same warnings, worded in French.
        var french = Api.send(producer.request(path + "/chapters/checks").header("Accept-Language", "fr").GET());
        assertEquals("fr", french.headers().firstValue("Content-Language").orElse(""));
        var inFrench = Api.array(french).getValuesAs(JsonObject.class);
        assertEquals(saved.stream().map(c -> c.getString("code")).toList(), inFrench.stream().map(c -> c.getString("code")).toList());
        assertEquals("Apple Podcasts n’affiche les chapitres d’un créateur qu’à partir de trois ; avec 2, il risque d’afficher à la place"
                + " des chapitres qu’il génère lui-même.", inFrench.get(0).getString("message"));

        var draft = """
                {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Le son"}, {"startTime": 1, "title": "Au milieu"},
                 {"startTime": 3.5, "title": "Le retour"}, {"startTime": 5.0, "title": "La fin"}]}""";
        var checked = Api.array(producer.send("POST", path + "/chapters/checks", "application/json", draft));
        var listeners = checked.getValuesAs(JsonObject.class).stream().filter(c -> c.getString("app").equals("listeners")).toList();
        assertEquals(List.of(2, 4), listeners.stream().map(c -> c.getInt("chapter")).toList(), checked.toString());
        assertEquals(saved.size(), Api.array(producer.get(path + "/chapters/checks")).size(), "the draft was not saved");

        // Drafts are read as a save would read them: one that could not be saved is a 422, never a 500.
        var untitled = producer.send("POST", path + "/chapters/checks", "application/json",
                "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0}]}");
        assertEquals(422, untitled.statusCode(), untitled.body());
        var overflow = producer.send("POST", path + "/chapters/checks", "application/json",
                "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 1e9999999999, \"title\": \"Loin\"}]}");
        assertEquals(400, overflow.statusCode(), overflow.body());
        assertTrue(overflow.body().contains("cannot be read"), overflow.body());
    }

    @Test
    void aStoredChapterImageThatIsNotSquareIsTold() {
        var etag = producer.get(path + "/chapters").headers().firstValue("ETag").orElseThrow();
        var three = """
                {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Le son"}, {"startTime": 2.1, "title": "Le silence"},
                 {"startTime": 3.5, "title": "Le retour"}]}""";
        etag = producer.send("PUT", path + "/chapters", "application/json", three, "If-Match", etag).headers().firstValue("ETag").orElseThrow();
        var stored = producer.sendBytes("PUT", path + "/chapters/2/image", "image/jpeg", Fixtures.image("jpg", 900, 600), "If-Match", etag);
        assertEquals(200, stored.statusCode(), stored.body());

        var checks = Api.array(producer.get(path + "/chapters/checks")).getValuesAs(JsonObject.class);
        assertEquals(List.of("Chapter 2's image is 900 × 600 px: Apple Podcasts shows chapter art square, so it will be cropped."),
                checks.stream().filter(c -> c.getString("app").equals("apple")).map(c -> c.getString("message")).toList(), checks.toString());
        // The editor's draft names the stored image by its address: the same check.
        var draft = Api.object(stored).toString();
        var drafted = Api.array(producer.send("POST", path + "/chapters/checks", "application/json", draft));
        assertTrue(drafted.toString().contains("900 × 600 px"), drafted.toString());
    }

    @Test
    void aReplacedAudioGetsItsOwnWaveformAndOthersSeeNone() {
        var first = ready().headers().firstValue("ETag").orElseThrow();
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();
        assertEquals(200, producer.sendBytes("PUT", path + "/audio", "audio/mpeg", Fixtures.vbrMp3(), "If-Match", etag).statusCode());

        var second = Poll.until("the new audio's waveform", COMPUTED, () -> {
            var answer = waveform();
            return answer.statusCode() == 200 && !answer.headers().firstValue("ETag").orElseThrow().equals(first)
                    ? Optional.of(answer) : Optional.empty();
        });
        assertNotEquals(first, second.headers().firstValue("ETag").orElseThrow());
        assertEquals(List.of(), Api.array(producer.get(path + "/pauses")), "noise has no pause");

        assertEquals(404, Api.newProducer().get(path + "/waveform").statusCode(), "another producer's episode");
        assertEquals(401, Api.anonymous().get(path + "/pauses").statusCode());
        assertEquals(204, producer.delete(path).statusCode());
        assertEquals(404, producer.get(path + "/waveform").statusCode());
    }
}
