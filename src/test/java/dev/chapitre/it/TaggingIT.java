package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mpatric.mp3agic.ID3v2ChapterFrameData;
import com.mpatric.mp3agic.ID3v2TextFrameData;
import com.mpatric.mp3agic.Mp3File;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MP3 that listeners download carries the producer's chapters, read back by mp3agic (not our code). */
class TaggingIT {

    static final List<String> TITLES = List.of("1. 2017 – 1er PM : les débuts", "2. L’Élysée « enfin » 🎙️", "3. Fin");

    final Api producer = Api.newProducer();
    String show;

    @BeforeEach
    void aShow() {
        show = producer.createShow("Épique tags").getString("slug");
    }

    @Test
    void theDownloadedMp3CarriesTheChaptersAndTheAudioIsUntouched() throws Exception {
        var episode = publish(Json.createObjectBuilder().add("title", "Les débuts"), Fixtures.cbrMp3());
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        var put = producer.send("PUT", path + "/chapters", "application/json", Json.createObjectBuilder().add("chapters", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("startTime", 0).add("title", TITLES.get(0)))
                .add(Json.createObjectBuilder().add("startTime", 2.345).add("title", TITLES.get(1)).add("url", "https://example.org/élysée"))
                .add(Json.createObjectBuilder().add("startTime", 4.5).add("title", TITLES.get(2)).add("toc", false))).build().toString());
        assertEquals(200, put.statusCode(), put.body());

        var tagged = awaitTagged(path);
        var mp3 = download(tagged);
        var chapters = chapters(mp3);
        assertEquals(TITLES, chapters.stream().map(TaggingIT::title).toList());
        assertEquals(List.of(0, 2345, 4500), chapters.stream().map(ID3v2ChapterFrameData::getStartTime).toList());
        assertEquals(List.of(2345, 4500, (int) tagged.getJsonObject("audio").getJsonNumber("durationMs").longValue()),
                chapters.stream().map(ID3v2ChapterFrameData::getEndTime).toList());
        var toc = new Mp3File(mp3.toString()).getId3v2Tag().getChapterTOC();
        assertEquals(1, toc.size());
        assertEquals(List.of("ch0", "ch1"), Arrays.asList(toc.get(0).getChildren()));
        assertEquals(audioHash(Fixtures.cbrMp3()), audioHash(Files.readAllBytes(mp3)), "the MPEG frames are byte-identical");
        assertEquals(Files.size(mp3), tagged.getJsonObject("audio").getJsonNumber("length").longValue());
        var tag = new Mp3File(mp3.toString()).getId3v2Tag();
        assertEquals("Les débuts", tag.getTitle());
        assertEquals("Épique tags", tag.getAlbum());
        assertTrue(tag.getVersion().startsWith("3"), "ID3v2.3 by default, not " + tag.getVersion());
    }

    @Test
    void chaptersInTheUploadedFileAreImported() throws Exception {
        var episode = publish(Json.createObjectBuilder().add("title", "Chapitré par ffmpeg"), Fixtures.resource("/audio/ffmpeg-chapters.mp3"));
        var chapters = episode.getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(List.of("Ouverture – « É »", "Deuxième partie 🎧", "Fin"), chapters.stream().map(c -> c.getString("title")).toList());
        assertEquals(1.5, chapters.get(1).getJsonNumber("startTime").doubleValue());
        var tagged = awaitTagged("/api/podcasts/" + show + "/episodes/" + episode.getString("slug"));
        assertEquals(List.of("Ouverture – « É »", "Deuxième partie 🎧", "Fin"),
                chapters(download(tagged)).stream().map(TaggingIT::title).toList());
    }

    @Test
    void quickSuccessiveEditsEndWithTheLastOne() throws Exception {
        var episode = publish(Json.createObjectBuilder().add("title", "Rapide"), Fixtures.cbrMp3());
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        for (int i = 1; i <= 6; i++) {
            var response = producer.send("PUT", path + "/chapters", "text/plain", "00:00:00 Début\n00:00:0" + i + " Version " + i + "\n");
            assertEquals(200, response.statusCode(), response.body());
        }
        assertEquals(200, producer.send("PATCH", path, "application/merge-patch+json", "{\"title\":\"Rapide, fin\"}").statusCode());
        var tagged = awaitTagged(path);
        var mp3 = download(tagged);
        assertEquals(List.of("Début", "Version 6"), chapters(mp3).stream().map(TaggingIT::title).toList());
        assertEquals("Rapide, fin", new Mp3File(mp3.toString()).getId3v2Tag().getTitle());
    }

    @Test
    void backgroundReTaggingNeverMakesAProducersEditFail() {
        var episode = publish(Json.createObjectBuilder().add("title", "Sans conflit"), Fixtures.cbrMp3());
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        for (int i = 0; i < 25; i++) {
            assertEquals(200, producer.send("PUT", path + "/chapters", "text/plain", "00:00:0" + (i % 5) + " Chapitre " + i + "\n").statusCode());
            var edit = producer.send("PATCH", path, "application/merge-patch+json", "{\"number\":" + i + "}");
            assertEquals(200, edit.statusCode(), "edit " + i + " collided with re-tagging: " + edit.body());
        }
        assertEquals(24, awaitTagged(path).getInt("number"));

        // The race above is narrow; this is the deterministic half: recording a re-tag leaves the
        // episode's version (its ETag) alone, so an edit based on it still applies.
        var edited = producer.send("PATCH", path, "application/merge-patch+json", "{\"title\":\"Sans conflit, encore\"}");
        var etag = edited.headers().firstValue("ETag").orElseThrow();
        awaitTagged(path);
        assertEquals(etag, producer.get(path).headers().firstValue("ETag").orElseThrow(), "re-tagging changed the episode's version");
    }

    @Test
    void aChangeToTheShowIsWrittenIntoItsEpisodes() throws Exception {
        var episode = publish(Json.createObjectBuilder().add("title", "Renommé"), Fixtures.cbrMp3());
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        awaitTagged(path);
        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json",
                "{\"title\":\"Nouveau nom\",\"author\":\"Une autrice\"}").statusCode());
        var tagged = awaitTagged(path);
        var tag = new Mp3File(download(tagged).toString()).getId3v2Tag();
        assertEquals("Nouveau nom", tag.getAlbum());
        assertEquals("Une autrice", tag.getArtist());
    }

    @Test
    void aDownloadThatStartedBeforeAReTagFinishesWithTheVersionItStartedOn() throws Exception {
        var big = Fixtures.mp3OfAtLeast(12_000_000);
        var episode = publish(Json.createObjectBuilder().add("title", "Long"), big);
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        var before = awaitTagged(path);
        var url = before.getJsonObject("audio").getString("url");
        var first = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        var etagBefore = first.headers().firstValue("ETag").orElseThrow();
        long lengthBefore = first.headers().firstValueAsLong("Content-Length").orElseThrow();
        try (var slow = first.body()) {
            var start = slow.readNBytes(64 * 1024); // the download is under way…

            assertEquals(200, producer.send("PUT", path + "/chapters", "text/plain", "00:00:00 Nouveau chapitre\n").statusCode());
            var after = awaitTagged(path); // …while the file is re-tagged and renamed over
            var current = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).method("HEAD",
                    java.net.http.HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            assertTrue(!current.headers().firstValue("ETag").orElseThrow().equals(etagBefore), "a new version is served");

            var rest = slow.readAllBytes(); // …and the first download ends with the old version, whole
            var whole = new byte[start.length + rest.length];
            System.arraycopy(start, 0, whole, 0, start.length);
            System.arraycopy(rest, 0, whole, start.length, rest.length);
            assertEquals(lengthBefore, whole.length);
            var file = Files.write(Files.createTempFile("old", ".mp3"), whole);
            assertEquals(List.of(), chapters(file), "the old version, without the new chapter");
            assertEquals(audioHash(big), audioHash(whole));
            Files.delete(file);

            // Resuming that download with If-Range and the old ETag gets the whole new file, not a mix.
            var resumed = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .header("Range", "bytes=" + whole.length / 2 + "-").header("If-Range", etagBefore).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, resumed.statusCode());
            assertEquals(after.getJsonObject("audio").getJsonNumber("length").longValue(), resumed.body().length);
        }
    }

    @Test
    void theShowsArtworkIsTheFrontCover() throws Exception {
        var episode = publish(Json.createObjectBuilder().add("title", "Avec pochette"), Fixtures.cbrMp3());
        var png = Fixtures.image("png", 1400, 1400);
        assertEquals(200, producer.sendBytes("PUT", "/api/podcasts/" + show + "/artwork", "image/png", png).statusCode());
        var path = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
        var tag = Poll.until("the tag carries a cover", Duration.ofSeconds(30), () -> {
            var tagged = awaitTagged(path);
            return Optional.of(new Mp3File(download(tagged).toString()).getId3v2Tag()).filter(t -> t.getAlbumImage() != null);
        });
        assertEquals("image/png", tag.getAlbumImageMimeType());
        assertTrue(Arrays.equals(png, tag.getAlbumImage()));
    }

    JsonObject publish(jakarta.json.JsonObjectBuilder metadata, byte[] mp3) {
        var response = producer.uploadEpisode(show, metadata.add("publishedAt", "2026-01-01T00:00:00Z").build(), mp3);
        assertEquals(201, response.statusCode(), response.body());
        return Api.object(response);
    }

    JsonObject awaitTagged(String path) {
        return producer.awaitTagged(path);
    }

    static Path download(JsonObject episode) throws Exception {
        var url = episode.getJsonObject("audio").getString("url");
        var response = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        assertEquals("audio/mpeg", response.headers().firstValue("Content-Type").orElse(""));
        var file = Files.createTempFile("download", ".mp3");
        Files.write(file, response.body());
        file.toFile().deleteOnExit();
        return file;
    }

    static List<ID3v2ChapterFrameData> chapters(Path mp3) throws Exception {
        var chapters = new Mp3File(mp3.toString()).getId3v2Tag().getChapters();
        return chapters == null ? List.of() : chapters; // mp3agic says null for "none"
    }

    static String title(ID3v2ChapterFrameData chapter) {
        try {
            for (var sub : chapter.getSubframes()) {
                if (sub.getId().equals("TIT2")) {
                    return new ID3v2TextFrameData(false, sub.getData()).getText().toString();
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String audioHash(byte[] mp3) throws Exception {
        int start = Fixtures.id3Size(mp3);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(mp3, start, mp3.length)));
    }
}
