package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chapter images as readers we did not write see them: inside each CHAP frame of the published MP3
 * (mutagen, eyeD3; ffprobe still reads every chapter of the larger tag), and as psc:chapter images
 * in the feed (podcastparser, gPodder's parser).
 */
class ChapterImagesE2E {

    static final Path DIR = Path.of("target", "e2e-chapter-images").toAbsolutePath();
    static final String LINKED = "https://example.org/images/débuts.jpg";

    static String show;
    static Path mp3;
    static List<JsonObject> chapters;
    static String pngSha256;
    static String jpegSha256;

    @BeforeAll
    static void aPublishedEpisodeWithAStoredPngAStoredJpegAndALinkedImage() throws Exception {
        Files.createDirectories(DIR);
        var producer = Api.newProducer();
        show = producer.createShow("Chapitres illustrés").getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Illustré")
                .add("publishedAt", "2026-01-01T06:00:00Z").build(), Fixtures.cbrMp3Of(12));
        assertEquals(201, created.statusCode(), created.body());
        var episode = Api.object(created).getString("slug");
        var api = "/api/podcasts/" + show + "/episodes/" + episode;
        var put = producer.send("PUT", api + "/chapters", "application/json", """
                {"chapters":[{"startTime":0,"title":"Ouverture « 1 »"},{"startTime":4,"title":"Les débuts","img":"%s"},
                  {"startTime":8.5,"title":"Fin 🎙️"}]}""".formatted(LINKED));
        assertEquals(200, put.statusCode(), put.body());
        assertEquals(200, producer.sendBytes("PUT", api + "/chapters/1/image", "image/png", Fixtures.image("png", 1600, 1600)).statusCode());
        var last = producer.sendBytes("PUT", api + "/chapters/3/image", "image/jpeg", Fixtures.image("jpg", 640, 480));
        assertEquals(200, last.statusCode(), last.body());
        chapters = Api.object(last).getJsonArray("chapters").getValuesAs(JsonObject.class);
        producer.awaitTagged(api);

        pngSha256 = sha256(download(chapters.get(0).getString("img")));
        jpegSha256 = sha256(download(chapters.get(2).getString("img")));
        mp3 = Files.write(DIR.resolve(episode + ".mp3"), download("/media/" + show + "/" + episode + ".mp3"));
    }

    @Test
    void mutagenAndEyeD3SeeEachChaptersImageInsideItsChap() throws Exception {
        Tools.require("eyed3", "/usr/bin/eyeD3");
        Tools.requirePythonModule("python3-mutagen", "mutagen");
        var python = Tools.requirePythonModule("python3-podcastparser", "podcastparser");
        var read = read(python);

        for (var reader : List.of("mutagen", "eyed3")) {
            var chaps = read.getJsonArray(reader).getValuesAs(JsonObject.class);
            assertEquals(List.of("Ouverture « 1 »", "Les débuts", "Fin 🎙️"), chaps.stream().map(c -> c.getString("title")).toList(), reader);
            var png = chaps.get(0).getJsonArray("pictures").getValuesAs(JsonObject.class);
            assertEquals(1, png.size(), reader + ": one APIC in the first CHAP");
            assertEquals("image/png", png.get(0).getString("mime"), reader);
            assertEquals(pngSha256, png.get(0).getString("sha256"), reader + ": the bytes served at the chapter's img");
            assertEquals(3, png.get(0).getInt("type"), reader + ": front cover");

            var linked = chaps.get(1).getJsonArray("pictures").getJsonObject(0);
            assertEquals("-->", linked.getString("mime"), reader + ": an image elsewhere stays a link");
            assertEquals("https://example.org/images/d%C3%A9buts.jpg", linked.getString("url"), reader);

            var jpeg = chaps.get(2).getJsonArray("pictures").getJsonObject(0);
            assertEquals("image/jpeg", jpeg.getString("mime"), reader);
            assertEquals(jpegSha256, jpeg.getString("sha256"), reader);
        }
        var mutagen = read.getJsonArray("mutagen").getValuesAs(JsonObject.class);
        assertEquals(List.of(0, 4000, 8500), mutagen.stream().map(c -> c.getInt("start")).toList());
        assertEquals(List.of(4000, 8500), mutagen.subList(0, 2).stream().map(c -> c.getInt("end")).toList());
    }

    /** ffprobe shows no picture of a chapter (FFmpeg reads only a CHAP's text frames), but the larger tag keeps every chapter readable. */
    @Test
    void ffprobeReadsEveryChapterOfTheTagWithImages() throws Exception {
        var ffprobe = Tools.require("ffmpeg", "/usr/bin/ffprobe");
        var output = Tools.run(List.of(ffprobe.toString(), "-v", "error", "-show_chapters", "-of", "json", mp3.toString()));
        var read = ((JsonObject) Api.parse(output)).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(List.of("0.000000", "4.000000", "8.500000"), read.stream().map(c -> c.getString("start_time")).toList());
        assertEquals(List.of("Ouverture « 1 »", "Les débuts", "Fin 🎙️"),
                read.stream().map(c -> c.getJsonObject("tags").getString("title")).toList());
        var streams = Tools.run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0",
                mp3.toString()));
        assertEquals("mp3,audio", streams.strip(), "the chapters' pictures are no stream of their own");
    }

    @Test
    void podcastparserSeesTheStoredImagesInTheFeed() throws Exception {
        Tools.require("eyed3", "/usr/bin/eyeD3");
        Tools.requirePythonModule("python3-mutagen", "mutagen");
        var python = Tools.requirePythonModule("python3-podcastparser", "podcastparser");
        var feed = read(python).getJsonArray("podcastparser").getJsonArray(0).getValuesAs(JsonObject.class);
        assertEquals(3, feed.size());
        assertEquals(chapters.get(0).getString("img"), feed.get(0).getString("image"));
        assertTrue(feed.get(0).getString("image").startsWith(Api.BASE + "/media/chapter-images/"));
        assertEquals(LINKED, feed.get(1).getString("image"));
        assertEquals(chapters.get(2).getString("img"), feed.get(2).getString("image"));
        assertEquals(8, feed.get(2).getInt("start"), "podcastparser keeps whole seconds");
    }

    private static JsonObject read(Path python) throws Exception {
        var script = DIR.resolve("read_chapter_images.py");
        try (var in = ChapterImagesE2E.class.getResourceAsStream("/e2e/read_chapter_images.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        var output = Tools.run(List.of(python.toString(), script.toString(), mp3.toString(), Api.BASE + "/feeds/" + show + ".xml"));
        return (JsonObject) Api.parse(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static byte[] download(String url) {
        var response = Api.send(Api.anonymous().request(url).GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
