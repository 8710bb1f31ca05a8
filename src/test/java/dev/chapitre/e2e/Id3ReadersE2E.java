package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.tagging.control.Id3TagBuilder;
import dev.chapitre.tagging.control.Id3Version;
import dev.chapitre.tagging.control.TagContent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chapters in our MP3s as ffprobe (FFmpeg) and eyeD3 read them: times to the millisecond,
 * titles with accents, typographic quotes, dashes and emoji. And chapters written by ffmpeg are
 * imported on upload.
 */
class Id3ReadersE2E {

    static final Path DIR = Path.of("target", "e2e-id3").toAbsolutePath();
    static final List<String> TITLES = List.of("1. 2017 – 1er PM : les débuts", "2. L’Élysée « enfin » 🎙️", "3. Émotion – fin");
    static final List<Long> STARTS = List.of(0L, 1234L, 3501L);

    static Path ffprobe;
    static Path ffmpeg;
    static Path python;

    @BeforeAll
    static void tools() throws Exception {
        ffprobe = Tools.require("ffmpeg", "/usr/bin/ffprobe");
        ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        Tools.require("eyed3", "/usr/bin/eyeD3");
        python = Tools.require("python3", "/usr/bin/python3");
        Files.createDirectories(DIR);
    }

    record Read(long start, long end, String title) {
    }

    @Test
    void ffprobeAndEyeD3ReadTheChaptersOfADownloadedEpisode() throws Exception {
        var producer = Api.newProducer();
        var show = producer.createShow("Lecteurs").getString("slug");
        var chapters = Json.createArrayBuilder();
        for (int i = 0; i < TITLES.size(); i++) {
            chapters.add(Json.createObjectBuilder().add("startTime", STARTS.get(i) / 1000.0).add("title", TITLES.get(i)));
        }
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Épisode lu").add("publishedAt", "2026-01-01T00:00:00Z")
                .add("chapters", chapters).build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());
        var episode = producer.awaitTagged("/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug"));
        var file = DIR.resolve("downloaded-v23.mp3");
        var download = Api.send(HttpRequest.newBuilder(URI.create(episode.getJsonObject("audio").getString("url"))), HttpResponse.BodyHandlers.ofByteArray());
        Files.write(file, download.body());

        long duration = episode.getJsonObject("audio").getJsonNumber("durationMs").longValue();
        var expected = expected(duration);
        assertEquals(expected, ffprobe(file));
        assertEquals(expected, eyeD3(file, "(2, 3, 0)"));
    }

    @Test
    void ffprobeAndEyeD3ReadOurId3v24Tags() throws Exception {
        var audio = Fixtures.cbrMp3();
        var chapters = new ArrayList<TagContent.TagChapter>();
        long duration = 6034;
        for (int i = 0; i < TITLES.size(); i++) {
            long end = i + 1 < STARTS.size() ? STARTS.get(i + 1) : duration;
            chapters.add(new TagContent.TagChapter(STARTS.get(i), end, TITLES.get(i), Optional.empty(), Optional.empty(), true));
        }
        var tag = Id3TagBuilder.build(new TagContent("v2.4", "Auteur", "Album", Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty(), chapters), Id3Version.V2_4);
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int start = Fixtures.id3Size(audio);
        out.write(audio, start, audio.length - start);
        var file = Files.write(DIR.resolve("built-v24.mp3"), out.toByteArray());
        assertEquals(expected(duration), ffprobe(file));
        assertEquals(expected(duration), eyeD3(file, "(2, 4, 0)"));
    }

    @Test
    void anMp3ChapteredByFfmpegIsImportedWithAllItsChapters() throws Exception {
        var source = Files.write(DIR.resolve("plain.mp3"), Fixtures.cbrMp3());
        var metadata = Files.writeString(DIR.resolve("chapters.txt"), """
                ;FFMETADATA1
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=1000
                title=Générique – début
                [CHAPTER]
                TIMEBASE=1/1000
                START=1000
                END=2750
                title=L’invité 🎤
                [CHAPTER]
                TIMEBASE=1/1000
                START=2750
                END=4100
                title=Questions
                [CHAPTER]
                TIMEBASE=1/1000
                START=4100
                END=6000
                title=Fin
                """);
        var chaptered = DIR.resolve("ffmpeg-chaptered.mp3");
        Tools.run(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y", "-i", source.toString(), "-i", metadata.toString(),
                "-map_metadata", "1", "-map_chapters", "1", "-c", "copy", chaptered.toString()));

        var producer = Api.newProducer();
        var show = producer.createShow("Import ffmpeg").getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Importé").build(), Files.readAllBytes(chaptered));
        assertEquals(201, created.statusCode(), created.body());
        var imported = Api.object(created).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(List.of("Générique – début", "L’invité 🎤", "Questions", "Fin"), imported.stream().map(c -> c.getString("title")).toList());
        assertEquals(List.of(0L, 1000L, 2750L, 4100L), imported.stream()
                .map(c -> Math.round(c.getJsonNumber("startTime").doubleValue() * 1000)).toList());
    }

    static List<Read> expected(long duration) {
        return List.of(new Read(0, 1234, TITLES.get(0)), new Read(1234, 3501, TITLES.get(1)), new Read(3501, duration, TITLES.get(2)));
    }

    static List<Read> ffprobe(Path file) throws Exception {
        var json = (JsonObject) Api.parse(Tools.run(List.of(ffprobe.toString(), "-v", "error", "-show_chapters", "-of", "json", file.toString())));
        return json.getJsonArray("chapters").getValuesAs(JsonObject.class).stream()
                .map(c -> new Read(millis(c.getString("start_time")), millis(c.getString("end_time")), c.getJsonObject("tags").getString("title")))
                .toList();
    }

    /** eyeD3's own model of the tag, dumped as JSON by a few lines of Python. */
    static List<Read> eyeD3(Path file, String version) throws Exception {
        var script = """
                import sys, json, eyed3
                eyed3.log.setLevel("ERROR")
                tag = eyed3.load(sys.argv[1]).tag
                print(json.dumps({"version": str(tag.version), "chapters": [[c.times[0], c.times[1], c.title] for c in tag.chapters]}))
                """;
        var json = (JsonObject) Api.parse(Tools.run(List.of(python.toString(), "-c", script, file.toString())));
        assertEquals(version, json.getString("version"));
        return json.getJsonArray("chapters").getValuesAs(jakarta.json.JsonArray.class).stream()
                .map(c -> new Read(c.getJsonNumber(0).longValue(), c.getJsonNumber(1).longValue(), c.getString(2)))
                .toList();
    }

    static long millis(String seconds) {
        return Math.round(Double.parseDouble(seconds) * 1000);
    }
}
