package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our feed as podcast apps' own parsers read it: podcastparser (gPodder's, which reads chapters
 * only from psc:) and feedparser (the reference Python parser, strict about well-formed XML).
 */
class FeedReadersE2E {

    static final List<String> TITLES = List.of("1. 2017 – 1er PM : les débuts", "2. L’Élysée « enfin » & <après> 🎙️", "3. Fin");
    static final List<Double> STARTS = List.of(0.0, 2.5, 4.75);

    @Test
    void podcastparserAndFeedparserReadEveryPublishedEpisodeAndItsChapters() throws Exception {
        var podcastparser = Tools.requirePythonModule("python3-podcastparser", "podcastparser");
        Tools.requirePythonModule("python3-feedparser", "feedparser");
        var producer = Api.newProducer();
        var show = producer.createShow("Épique & « lecteurs »").getString("slug");
        var chapters = Json.createArrayBuilder();
        for (int i = 0; i < TITLES.size(); i++) {
            chapters.add(Json.createObjectBuilder().add("startTime", STARTS.get(i)).add("title", TITLES.get(i)));
        }
        var first = upload(producer, show, "Premier", "2026-01-01T06:00:00Z", Json.createArrayBuilder());
        var second = upload(producer, show, "Deuxième – « le retour » 😀", "2026-02-01T06:00:00Z", chapters);
        upload(producer, show, "Brouillon", null, Json.createArrayBuilder());
        var tagged = List.of(producer.awaitTagged(path(show, second)), producer.awaitTagged(path(show, first)));

        var script = Path.of("target", "e2e-feeds", "read_feed.py");
        Files.createDirectories(script.getParent());
        try (var in = FeedReadersE2E.class.getResourceAsStream("/e2e/read_feed.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        var output = Tools.run(List.of(podcastparser.toString(), script.toString(), Api.BASE + "/feeds/" + show + ".xml"));
        var read = (JsonObject) Api.parse(output.lines().reduce((a, b) -> b).orElseThrow()); // warnings may come first

        var gpodder = read.getJsonObject("podcastparser");
        assertEquals("Épique & « lecteurs »", gpodder.getString("title"));
        var episodes = gpodder.getJsonArray("episodes").getValuesAs(JsonObject.class);
        assertEquals(2, episodes.size(), output);
        for (int i = 0; i < episodes.size(); i++) {
            var episode = episodes.get(i);
            var expected = tagged.get(i);
            assertEquals(expected.getString("title"), episode.getString("title"));
            assertEquals(expected.getString("guid"), episode.getString("guid"));
            assertEquals(6, episode.getInt("total_time"));
            var enclosure = episode.getJsonArray("enclosures").getJsonObject(0);
            assertEquals(expected.getJsonObject("audio").getString("url"), enclosure.getString("url"));
            assertEquals(expected.getJsonObject("audio").getJsonNumber("length").longValue(), enclosure.getJsonNumber("file_size").longValue());
            assertEquals("audio/mpeg", enclosure.getString("mime_type"));
        }
        var read2 = episodes.get(0).getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(TITLES, read2.stream().map(c -> c.getString("title")).toList());
        // podcastparser keeps whole seconds of psc's HH:MM:SS.mmm
        assertEquals(List.of(0, 2, 4), read2.stream().map(c -> c.getInt("start")).toList());
        assertEquals(0, episodes.get(1).getJsonArray("chapters").size());

        var feedparser = read.getJsonObject("feedparser");
        assertFalse(feedparser.getBoolean("bozo"), feedparser.getString("bozo_exception"));
        var entries = feedparser.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertEquals(2, entries.size());
        var linked = entries.get(0).getJsonObject("podcast_chapters");
        assertEquals(Api.BASE + "/chapters/" + show + "/" + second.getString("slug") + ".json", linked.getString("url"));
        assertEquals("application/json+chapters", linked.getString("type"));
        assertEquals(JsonObject.NULL, entries.get(1).get("podcast_chapters"), "no chapters, no podcast:chapters");
    }

    private static JsonObject upload(Api producer, String show, String title, String publishedAt,
                                     jakarta.json.JsonArrayBuilder chapters) {
        var metadata = Json.createObjectBuilder().add("title", title).add("chapters", chapters);
        if (publishedAt != null) {
            metadata.add("publishedAt", publishedAt);
        }
        var response = producer.uploadEpisode(show, metadata.build(), Fixtures.cbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        return Api.object(response);
    }

    private static String path(String show, JsonObject episode) {
        return "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
    }
}
