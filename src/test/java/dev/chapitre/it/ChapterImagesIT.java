package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer gives chapters images of their own: checked, scaled, published with the chapters, and never left behind. */
class ChapterImagesIT {

    static final Path IMAGES = EpisodesIT.MEDIA.resolve("chapter-images");
    static final Pattern STORED = Pattern.compile(".*/media/(chapter-images/[0-9a-f-]{36}\\.(?:png|jpg))");

    final Api producer = Api.newProducer();
    String show;
    String episode;
    String api;

    @BeforeEach
    void anEpisodeWithThreeChapters() {
        show = producer.createShow("Images de chapitres").getString("slug");
        episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Le premier").build(),
                Fixtures.cbrMp3())).getString("slug");
        api = "/api/podcasts/" + show + "/episodes/" + episode;
        var put = producer.send("PUT", api + "/chapters", "application/json", """
                {"chapters":[{"startTime":0,"title":"Intro & <b>"},{"startTime":2,"title":"Les débuts « 1 »"},
                  {"startTime":4,"title":"Fin","img":"https://example.org/fin.jpg"}]}""");
        assertEquals(200, put.statusCode(), put.body());
    }

    @Test
    void aPngAndAJpegBecomeTheChaptersImagesInTheApiTheFilesTheFeedAndThePage() throws Exception {
        var etag = etag(producer.get(api + "/chapters"));
        var png = producer.sendBytes("PUT", api + "/chapters/1/image", "image/png", Fixtures.image("png", 2800, 1400), "If-Match", etag);
        assertEquals(200, png.statusCode(), png.body());
        var afterPng = etag(png);
        assertNotEquals(etag, afterPng, "the chapters changed");
        var first = chapters(png).get(0);
        var pngKey = storedKey(first.getString("img"));
        assertTrue(pngKey.endsWith(".png"), pngKey);
        assertTrue(first.getString("img").startsWith(Api.BASE + "/media/chapter-images/"), first.toString());
        assertTrue(Files.exists(EpisodesIT.MEDIA.resolve(pngKey)));

        var stale = producer.sendBytes("PUT", api + "/chapters/3/image", "image/jpeg", Fixtures.image("jpg", 600, 600), "If-Match", etag);
        assertEquals(412, stale.statusCode(), "an If-Match from before the PNG");
        var jpeg = producer.sendBytes("PUT", api + "/chapters/3/image", "image/jpeg; charset=ignored", Fixtures.image("jpg", 600, 600),
                "If-Match", afterPng);
        assertEquals(200, jpeg.statusCode(), jpeg.body());
        var third = chapters(jpeg).get(2);
        assertTrue(storedKey(third.getString("img")).endsWith(".jpg"), "the linked image is replaced by the stored one");
        assertEquals(etag(jpeg), etag(producer.get(api + "/chapters")));
        assertEquals(chapters(jpeg), Api.object(producer.get(api)).getJsonArray("chapters").getValuesAs(JsonObject.class),
                "the episode's JSON has the same images");

        // A draft's image is its producer's only; it is public with the episode.
        var imageUrl = first.getString("img");
        var own = Api.send(producer.request(imageUrl).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, own.statusCode());
        assertEquals("image/png", own.headers().firstValue("Content-Type").orElse(""));
        var decoded = ImageIO.read(new ByteArrayInputStream(own.body()));
        assertEquals(List.of(1400, 700), List.of(decoded.getWidth(), decoded.getHeight()), "scaled to 1400 px on its long side");
        assertEquals(404, Api.anonymous().get(imageUrl).statusCode());

        assertEquals(200, producer.send("PATCH", api, "application/merge-patch+json", "{\"publishedAt\":\"2026-01-01T00:00:00Z\"}").statusCode());
        var visitor = Poll.until("the image is public with its episode", Duration.ofSeconds(15), () -> // lookups are kept 5 s
                java.util.Optional.of(Api.send(Api.anonymous().request(imageUrl).GET(), HttpResponse.BodyHandlers.ofByteArray()))
                        .filter(response -> response.statusCode() == 200));
        assertTrue(Arrays.equals(own.body(), visitor.body()));
        assertTrue(visitor.headers().firstValue("Cache-Control").orElse("").startsWith("public"));
        var validator = visitor.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Api.send(Api.anonymous().request(imageUrl).header("If-None-Match", validator).GET()).statusCode());

        var json = Api.object(Api.anonymous().get("/chapters/" + show + "/" + episode + ".json")).getJsonArray("chapters")
                .getValuesAs(JsonObject.class);
        assertEquals(imageUrl, json.get(0).getString("img"));
        assertFalse(json.get(1).containsKey("img"));
        assertEquals(third.getString("img"), json.get(2).getString("img"));

        var feed = Api.anonymous().get("/feeds/" + show + ".xml").body();
        assertTrue(feed.contains("<psc:chapter start=\"00:00:00.000\" title=\"Intro &amp; &lt;b&gt;\" image=\"" + imageUrl + "\""), feed);

        var page = Api.anonymous().get("/podcasts/" + show + "/" + episode).body();
        assertTrue(page.contains("<img class=\"chapter-image\" src=\"" + imageUrl + "\" alt=\"Image of the chapter “Intro &amp; &lt;b&gt;”\" width=\"64\""
                + " height=\"64\" loading=\"lazy\" decoding=\"async\">"), page);
        assertEquals(2, Pattern.compile("class=\"chapter-image\"").matcher(page).results().count(), "only stored images on the page");
    }

    @Test
    void aBodyThatIsNoUsableImageIsRefusedClearlyAndNothingChanges() throws Exception {
        var etag = etag(producer.get(api + "/chapters"));
        var before = storedFiles();
        var whole = Fixtures.image("png", 300, 300);

        var text = producer.sendBytes("PUT", api + "/chapters/1/image", "image/png", "not an image at all".getBytes());
        assertProblem(415, "The image of chapter 1 was not saved: it is not a JPEG or PNG image (it is text).", text);
        var cut = producer.sendBytes("PUT", api + "/chapters/2/image", "image/png", Arrays.copyOf(whole, whole.length - 40));
        assertEquals(422, cut.statusCode(), cut.body());
        assertTrue(detail(cut).startsWith("The image of chapter 2 was not saved: it "), cut.body());
        var bomb = producer.sendBytes("PUT", api + "/chapters/1/image", "image/png", pngClaiming(12_000, 12_000));
        assertEquals(422, bomb.statusCode(), bomb.body());
        assertTrue(detail(bomb).contains("12000×12000 pixels; a chapter image may have at most 50 megapixels"), bomb.body());
        var lying = producer.sendBytes("PUT", api + "/chapters/1/image", "image/png", Fixtures.image("jpg", 100, 100));
        assertEquals(415, lying.statusCode());
        assertTrue(detail(lying).contains("Content-Type: image/jpeg"), lying.body());
        var gif = producer.sendBytes("PUT", api + "/chapters/1/image", "image/gif", Fixtures.image("gif", 10, 10));
        assertEquals(415, gif.statusCode());
        assertEquals("application/problem+json", gif.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        var huge = producer.sendBytes("PUT", api + "/chapters/1/image", "image/jpeg", new byte[17 * 1024 * 1024]);
        assertEquals(413, huge.statusCode());
        var noSuchChapter = producer.sendBytes("PUT", api + "/chapters/4/image", "image/png", whole);
        assertProblem(404, "The episode has 3 chapters; there is no chapter '4' (chapters are numbered from 1, as the editor shows them).",
                noSuchChapter);
        assertEquals(404, producer.sendBytes("PUT", api + "/chapters/0/image", "image/png", whole).statusCode());
        assertEquals(404, producer.send("DELETE", api + "/chapters/2/image", null, "").statusCode(), "chapter 2 has no image");
        var stranger = Api.newProducer().sendBytes("PUT", api + "/chapters/1/image", "image/png", whole);
        assertEquals(404, stranger.statusCode());

        assertEquals(etag, etag(producer.get(api + "/chapters")), "the chapters are as they were");
        assertTrue(before.containsAll(storedFiles()), "no image was stored");
    }

    @Test
    void anImageGoesWhenItIsReplacedDeletedOrItsChapterIsDropped() {
        var kept = storedKey(chapters(upload(1, "png")).get(0).getString("img"));
        var replaced = storedKey(chapters(upload(2, "jpg")).get(1).getString("img"));
        var replacement = storedKey(chapters(upload(2, "png")).get(1).getString("img"));
        assertNotEquals(replaced, replacement, "a new image, a new key");
        awaitGone(replaced);

        // What the editor does: read the chapters, change a title, send them back with their img.
        var read = Api.object(producer.get(api + "/chapters"));
        var edited = Json.createObjectBuilder(read).add("chapters", Json.createArrayBuilder()
                .add(Json.createObjectBuilder(read.getJsonArray("chapters").getJsonObject(0)).add("title", "Ouverture"))
                .add(read.getJsonArray("chapters").getJsonObject(1))).build();
        var saved = producer.send("PUT", api + "/chapters", "application/json", edited.toString());
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(kept, storedKey(chapters(saved).get(0).getString("img")), "sent back, the image stays");
        assertEquals(replacement, storedKey(chapters(saved).get(1).getString("img")));
        assertTrue(Files.exists(EpisodesIT.MEDIA.resolve(kept)));

        var deleted = producer.send("DELETE", api + "/chapters/2/image", null, "", "If-Match", etag(saved));
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertFalse(chapters(deleted).get(1).containsKey("img"));
        awaitGone(replacement);

        var withoutIt = producer.send("PUT", api + "/chapters", "application/json", "{\"chapters\":[{\"startTime\":0,\"title\":\"Seul\"}]}");
        assertEquals(200, withoutIt.statusCode());
        awaitGone(kept);

        var last = storedKey(chapters(upload(1, "jpg")).get(0).getString("img"));
        assertEquals(204, producer.delete(api).statusCode());
        awaitGone(last);
        assertTrue(Set.copyOf(storedFiles()).stream().noneMatch(Set.of(kept, replaced, replacement, last)::contains));
    }

    private HttpResponse<String> upload(int chapter, String format) {
        var response = producer.sendBytes("PUT", api + "/chapters/" + chapter + "/image", format.equals("png") ? "image/png" : "image/jpeg",
                Fixtures.image(format, 320, 240));
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    private static void awaitGone(String key) {
        Poll.until(key + " is deleted", Duration.ofSeconds(40), () -> !Files.exists(EpisodesIT.MEDIA.resolve(key)));
    }

    private static List<JsonObject> chapters(HttpResponse<String> response) {
        return Api.object(response).getJsonArray("chapters").getValuesAs(JsonObject.class);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static String storedKey(String url) {
        var matcher = STORED.matcher(URI.create(url).getPath());
        assertTrue(matcher.matches(), url);
        return matcher.group(1);
    }

    private static String detail(HttpResponse<String> response) {
        return Api.object(response).getString("detail");
    }

    private static void assertProblem(int status, String detail, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(detail, detail(response));
    }

    private static TreeSet<String> storedFiles() {
        if (!Files.isDirectory(IMAGES)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(IMAGES)) {
            return files.map(file -> "chapter-images/" + file.getFileName()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1×1 PNG whose header claims another size, with a valid CRC: a few bytes that would decode to gigabytes. */
    static byte[] pngClaiming(int width, int height) {
        var png = Fixtures.image("png", 1, 1);
        var buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        var crc = new CRC32();
        crc.update(png, 12, 4 + 13);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }
}
