package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer uploads episodes; bad uploads get a clear answer and leave nothing behind. */
class EpisodesIT {

    static final Path MEDIA = Path.of(System.getProperty("chapitre.data.dir", "target/it-data")).resolve("media");
    static final long MAX_UPLOAD = Long.getLong("chapitre.max.upload.bytes", 20_000_000);

    final Api producer = Api.newProducer();
    String show;

    @BeforeEach
    void aShow() {
        show = producer.createShow("Épisodes").getString("slug");
    }

    /**
     * Two studio tabs, or a script run twice, uploading the same episode at the same moment: the
     * database's unique key on (show, slug) decides. Each upload is a 201 with a slug of its own or
     * a 409 problem, never a 500, and nothing is half-made: every episode has its audio, and no
     * audio file is left without its episode.
     */
    @Test
    void uploadsRacingForOneSlugGetTheirOwnSlugsOrA409AndLeaveNothingHalfMade() throws Exception {
        var title = "Même titre " + System.nanoTime();
        var before = audioFiles();
        var mp3 = Fixtures.cbrMp3();
        var slugs = new java.util.HashSet<String>();
        var sameTitle = Json.createObjectBuilder().add("title", title).build();
        for (var response : AtOnce.send(6, () -> producer.uploadEpisode(show, sameTitle, mp3))) {
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.statusCode() + " " + response.body());
            if (response.statusCode() == 201) {
                assertTrue(slugs.add(Api.object(response).getString("slug")), "one slug, one episode: " + response.body());
            } else {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            }
        }
        assertFalse(slugs.isEmpty(), "at least one of them is created");
        var listed = Api.array(producer.get("/api/podcasts/" + show + "/episodes")).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("title").equals(title)).toList();
        assertEquals(slugs, listed.stream().map(e -> e.getString("slug")).collect(Collectors.toSet()), "every 201 is an episode, and only they");
        for (var episode : listed) {
            var audio = URI.create(episode.getJsonObject("audio").getString("url")).getPath();
            assertEquals(200, Api.send(producer.request(audio).method("HEAD", HttpRequest.BodyPublishers.noBody())).statusCode(),
                    "the episode has its audio: " + audio);
        }
        // A refused upload's file goes with its transaction (the rollback removes it, a moment later at most).
        // New files are counted, not all of them: another test's replaced file may be retired meanwhile.
        Poll.until("one new audio file per created episode", Duration.ofSeconds(30), () -> {
            var added = new java.util.HashSet<>(audioFiles());
            added.removeAll(before);
            return added.size() == slugs.size();
        });
        var health = Api.admin().get("/api/admin/health");
        assertEquals(200, health.statusCode(), health.body());
    }

    static java.util.Set<Path> audioFiles() throws IOException {
        var episodes = MEDIA.resolve("episodes");
        if (!Files.isDirectory(episodes)) {
            return java.util.Set.of();
        }
        try (var files = Files.list(episodes)) {
            return files.collect(Collectors.toSet());
        }
    }

    @Test
    void uploadingAnMp3CreatesTheEpisodeWithTheMeasuredAudio() {
        var metadata = Json.createObjectBuilder()
                .add("title", "1. 2017 – 1er PM : les débuts")
                .add("description", "<p>Notes <a href=\"https://example.org\" onclick=\"steal()\">lien</a></p><script>alert(1)</script>"
                        + "<a href=\"javascript:alert(2)\">x</a><ul><li><em>un</em></li></ul><p style=\"color:red\">rouge</p>")
                .add("publishedAt", "2026-11-20T08:00:00+01:00").add("season", 1).add("number", 1).add("type", "full").add("explicit", false)
                .add("persons", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "Benjamin"))
                        .add(Json.createObjectBuilder().add("name", "Lucie").add("role", "Guest").add("href", "https://example.org/lucie")))
                .add("chapters", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Intro"))
                        .add(Json.createObjectBuilder().add("startTime", 3.2).add("title", "Suite")))
                .build();
        var response = producer.uploadEpisode(show, metadata, Fixtures.cbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        var episode = Api.object(response);
        assertEquals("1-2017-1er-pm-les-debuts", episode.getString("slug"));
        assertEquals(Api.BASE + "/api/podcasts/" + show + "/episodes/1-2017-1er-pm-les-debuts", response.headers().firstValue("Location").orElseThrow());
        var audio = episode.getJsonObject("audio");
        assertEquals(Fixtures.cbrMp3().length, audio.getJsonNumber("length").longValue());
        assertEquals("audio/mpeg", audio.getString("type"));
        assertEquals(128, audio.getInt("bitrate"));
        assertNear(6030, audio.getJsonNumber("durationMs").longValue(), 60);
        assertEquals(Api.BASE + "/media/" + show + "/1-2017-1er-pm-les-debuts.mp3", audio.getString("url"));
        assertEquals(36, episode.getString("guid").length());
        assertEquals("published", episode.getString("status"));
        assertEquals(Instant.parse("2026-11-20T07:00:00Z").toString(), episode.getString("publishedAt"));

        var notes = episode.getString("description");
        assertTrue(notes.contains("<a href=\"https://example.org\""), notes);
        assertTrue(notes.contains("<em>un</em>"), notes);
        for (var forbidden : new String[] {"script", "onclick", "javascript:", "style="}) {
            assertFalse(notes.contains(forbidden), forbidden + " in " + notes);
        }
        var persons = episode.getJsonArray("persons").getValuesAs(JsonObject.class);
        assertEquals("host", persons.get(0).getString("role"));
        assertEquals("cast", persons.get(0).getString("group"));
        assertEquals("guest", persons.get(1).getString("role"));
        assertEquals(2, episode.getJsonArray("chapters").size());

        var listed = Api.array(producer.get("/api/podcasts/" + show + "/episodes"));
        assertEquals(1, listed.size());
    }

    @Test
    void vbrDurationComesFromTheXingHeader() {
        var response = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "VBR").build(), Fixtures.vbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        var audio = Api.object(response).getJsonObject("audio");
        assertNear(5040, audio.getJsonNumber("durationMs").longValue(), 60);
        assertTrue(audio.getInt("bitrate") > 30 && audio.getInt("bitrate") < 128, audio.toString());
        var draft = Api.object(response);
        assertEquals("draft", draft.getString("status"));
        assertTrue(draft.isNull("publishedAt"));
    }

    @Test
    void somethingElseThanAnMp3Is415AndNamesWhatItIs() {
        var before = mediaFiles();
        var png = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Image").build(), Fixtures.image("png", 20, 20));
        assertEquals(415, png.statusCode(), png.body());
        assertEquals("application/problem+json", png.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(Api.object(png).getString("detail").contains("PNG"), png.body());
        assertEquals("audio", Api.object(png).getJsonArray("errors").getJsonObject(0).getString("field"),
                "a form shows it next to the audio it is about");

        var text = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Texte").build(),
                "ceci n'est pas un mp3, c'est du texte".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.statusCode());
        var garbage = new byte[50_000];
        new java.util.Random(7).nextBytes(garbage);
        var random = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Bruit").build(), garbage);
        assertTrue(random.statusCode() == 415 || random.statusCode() == 422, random.statusCode() + " " + random.body());

        var empty = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Vide").build(), new byte[0]);
        assertEquals(415, empty.statusCode());
        assertTrue(Api.object(empty).getString("detail").contains("empty"));

        assertEquals(0, Api.array(producer.get("/api/podcasts/" + show + "/episodes")).size());
        assertNothingAdded(before);
    }

    @Test
    void aCutOffMp3Is422() {
        var whole = Fixtures.vbrMp3();
        var cut = Arrays.copyOf(whole, whole.length / 2);
        var response = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Coupé").build(), cut);
        assertEquals(422, response.statusCode(), response.body());
        assertTrue(Api.object(response).getString("detail").contains("cut off"));
        assertEquals(0, Api.array(producer.get("/api/podcasts/" + show + "/episodes")).size());
    }

    @Test
    void invalidMetadataIs422AndTheAudioIsNotKept() {
        var before = mediaFiles();
        var response = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "").add("type", "movie")
                .add("persons", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "X").add("role", "wizard"))).build(), Fixtures.cbrMp3());
        assertEquals(422, response.statusCode());
        var fields = Api.object(response).getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(java.util.List.of("title", "type", "persons[0].role")), fields.toString());
        var lateChapter = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Chapitre trop tard")
                .add("chapters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("startTime", 60).add("title", "Après la fin"))).build(),
                Fixtures.cbrMp3());
        assertEquals(422, lateChapter.statusCode(), lateChapter.body());
        var missingAudio = Api.send(producer.request("/api/podcasts/" + show + "/episodes")
                .header("Content-Type", Api.Multipart.of("episode", "application/json", null, "{\"title\":\"x\"}".getBytes()).contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(Api.Multipart.of("episode", "application/json", null, "{\"title\":\"x\"}".getBytes()).bytes())));
        assertEquals(400, missingAudio.statusCode());
        assertEquals(0, Api.array(producer.get("/api/podcasts/" + show + "/episodes")).size());
        assertNothingAdded(before);
    }

    @Test
    void anUploadOverTheLimitIs413() {
        var before = mediaFiles();
        var big = Fixtures.mp3OfAtLeast(MAX_UPLOAD + 1_000_000);
        var declared = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Trop gros").build(), big);
        assertEquals(413, declared.statusCode());
        assertTrue(Api.object(declared).getString("detail").contains(String.valueOf(MAX_UPLOAD)), declared.body());

        var multipart = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Trop gros, en morceaux\"}".getBytes())
                .and("audio", "audio/mpeg", "big.mp3", big);
        var chunked = Api.send(producer.request("/api/podcasts/" + show + "/episodes")
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(multipart.bytes()))));
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals(0, Api.array(producer.get("/api/podcasts/" + show + "/episodes")).size());
        awaitNoStagingFiles();
        assertNothingAdded(before);
    }

    @Test
    void anUploadCutOffByTheClientLeavesNothing() throws Exception {
        var before = mediaFiles();
        var multipart = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Interrompu\"}".getBytes())
                .and("audio", "audio/mpeg", "x.mp3", Fixtures.mp3OfAtLeast(3_000_000));
        var body = multipart.bytes();
        var uri = URI.create(Api.BASE);
        try (var socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            var credentials = java.util.Base64.getEncoder().encodeToString(
                    (Api.ADMIN_EMAIL + ":" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            var adminShow = "interruptions";
            if (Api.admin().get("/api/podcasts/" + adminShow).statusCode() == 404) {
                Api.admin().postJson("/api/podcasts", Json.createObjectBuilder().add("title", "Interruptions").add("slug", adminShow).build());
            }
            out.write(("POST /api/podcasts/" + adminShow + "/episodes HTTP/1.1\r\nHost: " + uri.getHost() + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\nContent-Type: " + multipart.contentType() + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, body.length / 2);
            out.flush();
            awaitStagingFile(); // the audio is streamed to disk while it arrives
        }
        awaitNoStagingFiles();
        assertNothingAdded(before);
        assertEquals(0, Api.array(Api.admin().get("/api/podcasts/interruptions/episodes")).size());
    }

    @Test
    void replacingTheAudioKeepsTheEpisodeAndUpdatesItsFacts() {
        var created = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Remplacé").build(), Fixtures.cbrMp3()));
        var path = "/api/podcasts/" + show + "/episodes/" + created.getString("slug");
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();
        var replaced = producer.sendBytes("PUT", path + "/audio", "audio/mpeg", Fixtures.vbrMp3(), "If-Match", etag);
        assertEquals(200, replaced.statusCode(), replaced.body());
        var audio = Api.object(replaced).getJsonObject("audio");
        assertEquals(Fixtures.vbrMp3().length, audio.getJsonNumber("length").longValue());
        assertEquals(created.getString("guid"), Api.object(replaced).getString("guid"));
        assertEquals(412, producer.sendBytes("PUT", path + "/audio", "audio/mpeg", Fixtures.cbrMp3(), "If-Match", etag).statusCode());
        assertEquals(415, producer.sendBytes("PUT", path + "/audio", "audio/mpeg", "nope".getBytes()).statusCode());
        // The refused uploads changed nothing: still the VBR file (whose length grows once it is tagged).
        assertNear(5040, Api.object(producer.get(path)).getJsonObject("audio").getJsonNumber("durationMs").longValue(), 60);
    }

    @Test
    void aShorterReplacementNamesTheChaptersItWouldLoseKeepsTheOldAudioAndDropsThemOnlyWhenAsked() {
        var metadata = Json.createObjectBuilder().add("title", "Raccourci").add("chapters", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Début"))
                .add(Json.createObjectBuilder().add("startTime", 4).add("title", "Milieu"))
                .add(Json.createObjectBuilder().add("startTime", 9).add("title", "Conclusion"))).build();
        var created = Api.object(producer.uploadEpisode(show, metadata, Fixtures.cbrMp3Of(12)));
        var path = "/api/podcasts/" + show + "/episodes/" + created.getString("slug");
        long before = created.getJsonObject("audio").getJsonNumber("durationMs").longValue();

        var refused = producer.sendBytes("PUT", path + "/audio", "audio/mpeg", Fixtures.cbrMp3());
        assertEquals(422, refused.statusCode(), refused.body());
        var detail = Api.object(refused).getString("detail");
        assertTrue(detail.startsWith("The audio was not replaced, the old audio is kept: the new audio lasts 00:00:06"), detail);
        assertTrue(detail.contains("chapter 3: start time is 00:00:09.000, at or after the end of the new audio: “Conclusion” would be dropped"),
                "numbered as the editor shows them, in words: " + detail);
        var error = Api.object(refused).getJsonArray("errors").getJsonObject(0);
        assertEquals(2, error.getInt("index"), "programs get the index in the array, from 0");
        assertEquals("startTime", error.getString("field"));
        var kept = Api.object(producer.get(path));
        assertEquals(before, kept.getJsonObject("audio").getJsonNumber("durationMs").longValue(), "the old audio kept");
        assertEquals(3, kept.getJsonArray("chapters").size());

        var dropped = producer.sendBytes("PUT", path + "/audio?dropChapters=true", "audio/mpeg", Fixtures.cbrMp3());
        assertEquals(200, dropped.statusCode(), dropped.body());
        assertEquals(List.of("Début", "Milieu"), Api.object(dropped).getJsonArray("chapters").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("title")).toList());
        assertTrue(Api.object(dropped).getJsonObject("audio").getJsonNumber("durationMs").longValue() < before);
    }

    @Test
    void patchingAnEpisode() {
        var created = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Brouillon").build(), Fixtures.cbrMp3()));
        var path = "/api/podcasts/" + show + "/episodes/" + created.getString("slug");
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();
        var scheduled = producer.send("PATCH", path, "application/merge-patch+json",
                "{\"publishedAt\":\"2099-01-01T00:00:00Z\",\"number\":7}", "If-Match", etag);
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        assertEquals("scheduled", Api.object(scheduled).getString("status"));
        assertEquals(7, Api.object(scheduled).getInt("number"));
        assertEquals("Brouillon", Api.object(scheduled).getString("title"));
        assertEquals(412, producer.send("PATCH", path, "application/merge-patch+json", "{\"title\":\"x\"}", "If-Match", etag).statusCode());
        assertEquals(422, producer.send("PATCH", path, "application/merge-patch+json", "{\"publishedAt\":\"tomorrow\"}").statusCode());
        assertEquals(422, producer.send("PATCH", path, "application/merge-patch+json", "{\"guid\":\"x\"}").statusCode());
        assertEquals(204, producer.delete(path).statusCode());
        assertEquals(404, producer.get(path).statusCode());
    }

    static void assertNear(long expected, long actual, long tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance, "expected " + expected + " ± " + tolerance + " but was " + actual);
    }

    /** No file left by a refused upload; other tests' replaced versions may go meanwhile (CHAPITRE_MEDIA_RETENTION_SECONDS). */
    static void assertNothingAdded(Set<String> before) {
        var added = new java.util.HashSet<>(mediaFiles());
        added.removeAll(before);
        assertEquals(Set.of(), added);
    }

    static Set<String> mediaFiles() {
        var episodes = MEDIA.resolve("episodes");
        if (!Files.isDirectory(episodes)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(episodes)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void awaitStagingFile() {
        Poll.until("the upload reaches the staging folder", Duration.ofSeconds(20), () -> {
            try (Stream<Path> files = Files.list(MEDIA.resolve(".staging"))) {
                return files.anyMatch(f -> f.toFile().length() > 0);
            }
        });
    }

    static void awaitNoStagingFiles() {
        Poll.until("no staging file is left behind", Duration.ofSeconds(30), () -> {
            try (Stream<Path> files = Files.list(MEDIA.resolve(".staging"))) {
                return files.findAny().isEmpty();
            }
        });
    }
}
