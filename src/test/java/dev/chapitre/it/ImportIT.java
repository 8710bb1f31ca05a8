package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A producer moves a French show in from another host (a web server of the test's own on 127.0.0.1). */
class ImportIT {

    static ForeignHost host;
    final Api producer = Api.newProducer();

    @BeforeAll
    static void startTheOldHost() throws Exception {
        host = new ForeignHost();
        host.put("/xxe.xml", "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://x.example</link><description>x</description></channel></rss>
                """);
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        host.put("/laughs.xml", "application/rss+xml", laughs.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>").toString());
        host.put("/page.html", "text/html", "<!DOCTYPE html><html lang=\"fr\"><head><title>Épique</title></head><body>Écoutez</body></html>");
        host.put("/atom.xml", "application/atom+xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title>"
                + "<id>urn:x</id><updated>2026-01-01T00:00:00Z</updated></feed>");
    }

    @AfterAll
    static void stopTheOldHost() {
        host.close();
    }

    private JsonObject preview(String feedUrl) {
        var response = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", feedUrl).add("preview", true).build());
        assertEquals(200, response.statusCode(), response.body());
        return Api.object(response);
    }

    private JsonObject importAndWait(String feedUrl) {
        var started = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", feedUrl).build());
        assertEquals(202, started.statusCode(), started.body());
        var location = started.headers().firstValue("Location").orElseThrow();
        assertEquals("running", Api.object(started).getString("state"));
        return Poll.until("the import is over", Duration.ofSeconds(90), () -> {
            var job = Api.object(producer.get(location));
            return job.getString("state").equals("running") ? Optional.empty() : Optional.of(job);
        });
    }

    private static Map<String, JsonObject> byTitle(JsonObject job) {
        var lines = new HashMap<String, JsonObject>();
        job.getJsonObject("report").getJsonArray("episodes").forEach(line -> lines.put(line.asJsonObject().getString("title"), line.asJsonObject()));
        return lines;
    }

    @Test
    void thePreviewSaysWhatWouldComeOverBeforeAnythingIsSaved() {
        var show = new ForeignShow(host, "preview");
        var preview = preview(show.feedUrl());
        assertEquals("Épique (ailleurs)", preview.getString("title"));
        assertEquals(show.guid, preview.getString("guid"));
        assertEquals("feed", preview.getString("guidFrom"));
        assertEquals(host.base() + "/preview/art.jpg", preview.getString("imageUrl"));
        assertEquals(ForeignShow.ITEMS, preview.getInt("episodes"));
        assertEquals(ForeignShow.IMPORTABLE + 1, preview.getInt("importable"), "the 404 is only found by downloading");
        assertEquals(2, preview.getJsonObject("chapters").getInt("podcast:chapters"));
        assertEquals(2, preview.getJsonObject("chapters").getInt("psc:chapters"));
        assertEquals(1, preview.getJsonObject("chapters").getInt("show notes"));
        assertEquals(2, preview.getInt("transcripts"), "episodes with transcripts");
        assertEquals(List.of("Jean Invité", "Élodie Müller"), preview.getJsonArray("persons").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, preview.getJsonArray("skipped").size());
        assertTrue(preview.getJsonArray("attention").toString().contains("Games & Hobbies"), preview.toString());
        assertTrue(producer.get("/api/podcasts").body().equals("[]"), "nothing saved");
    }

    @Test
    void everyEpisodeComesOverWithItsGuidDateAndChaptersFromEverySourceAndTheReportSaysWhatDidNot() throws Exception {
        var show = new ForeignShow(host, "epique");
        var job = importAndWait(show.feedUrl());
        assertEquals("done", job.getString("state"), job.toString());
        var summary = job.getJsonObject("report").getJsonObject("summary");
        assertEquals(ForeignShow.IMPORTABLE, summary.getInt("imported"), job.toString());
        assertEquals(3, summary.getInt("skipped"));
        assertEquals(ForeignShow.ITEMS, job.getJsonObject("progress").getInt("episodesDone"));
        assertTrue(job.getJsonObject("progress").getJsonNumber("bytesDownloaded").longValue() > 300_000, job.getJsonObject("progress").toString());
        var lines = byTitle(job);
        assertTrue(lines.get("6. Sans audio").getString("reason").contains("no enclosure"));
        assertTrue(lines.get("7. Fichier perdu").getString("reason").contains("404"), lines.get("7. Fichier perdu").toString());
        assertTrue(lines.get("8. En AAC").getString("reason").contains("audio/x-m4a"));
        assertEquals("podcast:chapters", lines.get("1. 2017 – 1er PM : les débuts").getJsonObject("chapters").getString("source"));
        assertEquals("psc:chapters", lines.get("2. Chapitres Podlove").getJsonObject("chapters").getString("source"));
        assertEquals("id3", lines.get("3. Chapitres dans le MP3").getJsonObject("chapters").getString("source"));
        assertEquals(3, lines.get("3. Chapitres dans le MP3").getJsonObject("chapters").getInt("kept"));
        assertEquals("show notes", lines.get("4. Chapitres dans les notes").getJsonObject("chapters").getString("source"));
        var disagreeing = lines.get("5. Sources en désaccord");
        assertEquals("podcast:chapters", disagreeing.getJsonObject("chapters").getString("source"));
        assertEquals(List.of("podcast:chapters has 3 chapters, psc:chapters 2"), disagreeing.getJsonObject("chapters")
                .getJsonArray("disagreements").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        var transcript = disagreeing.getJsonObject("transcripts");
        assertEquals(2, transcript.getInt("found"));
        assertEquals(1, transcript.getInt("kept"), "the VTT, not the HTML that has no times");
        assertEquals(host.base() + "/epique/5.vtt", transcript.getString("source"));
        var refused = lines.get("1. 2017 – 1er PM : les débuts");
        assertEquals(0, refused.getJsonObject("transcripts").getInt("kept"));
        assertTrue(refused.getJsonArray("attention").toString().contains("after the end of the audio"), refused.toString());
        assertEquals(1, lines.get("2. Chapitres Podlove").getJsonObject("persons").getInt("kept"));
        assertEquals(97010, lines.get("1. 2017 – 1er PM : les débuts").getJsonObject("audio").getInt("bytes"));
        assertTrue(job.getJsonObject("report").getJsonArray("checklist").toString().contains("301"));
        assertTrue(job.getJsonObject("report").getJsonObject("show").getJsonArray("attention").toString().contains("Games & Hobbies"));

        var slug = job.getJsonObject("show").getString("slug");
        var imported = Api.object(producer.get("/api/podcasts/" + slug));
        assertEquals(show.guid, imported.getString("guid"), "the show's podcast:guid kept");
        assertEquals("Society & Culture", imported.getString("category"));
        assertEquals("Documentary", imported.getString("subcategory"));
        assertEquals("fr-FR", imported.getString("language"));
        assertTrue(imported.getBoolean("locked"));
        assertFalse(imported.isNull("imageUrl"), "the artwork re-hosted");

        var episodes = Api.array(producer.get("/api/podcasts/" + slug + "/episodes"));
        var guids = new HashMap<String, JsonObject>();
        episodes.forEach(e -> guids.put(e.asJsonObject().getString("guid"), e.asJsonObject()));
        assertEquals(java.util.Set.of("https://ancien.example.fr/?p=101", "tag:ancien.example.fr,2026:2", "3", "epique-4", "epique-5"),
                guids.keySet(), "guids kept exactly");
        var first = guids.get("https://ancien.example.fr/?p=101");
        assertEquals(Instant.parse("2026-09-01T04:00:00Z"), Instant.parse(first.getString("publishedAt")), "the original date");
        var chapters = Api.object(producer.get("/api/podcasts/" + slug + "/episodes/" + first.getString("slug") + "/chapters"))
                .getJsonArray("chapters");
        assertEquals("Ouverture – « É »", chapters.getJsonObject(0).getString("title"));
        assertEquals("https://ancien.example.fr/ouverture.jpg", chapters.getJsonObject(0).getString("img"));
        assertEquals("https://fr.wikipedia.org/wiki/Premier_ministre", chapters.getJsonObject(1).getString("url"));
        assertEquals(4.5, chapters.getJsonObject(2).getJsonNumber("startTime").doubleValue());
        var stored = Api.object(producer.get("/api/podcasts/" + slug + "/episodes/" + guids.get("epique-5").getString("slug")
                + "/transcript"));
        assertEquals(List.of(0, 2000), stored.getJsonArray("cues").getValuesAs(JsonObject.class).stream()
                .map(cue -> cue.getJsonNumber("startTime").bigDecimalValue().movePointRight(3).intValue()).toList());
        assertEquals("fr", stored.getString("language"));
        assertEquals("Élodie Müller", stored.getJsonArray("speakers").getJsonObject(0).getJsonObject("person").getString("name"),
                "the speaker is the show's credited host");
        assertFalse(guids.get("https://ancien.example.fr/?p=101").containsKey("transcript"), "a refused transcript is not stored");

        // The public feed carries the same guids and dates: subscribed apps see no new episode.
        var feed = Api.anonymous().get("/feeds/" + slug + ".xml");
        assertEquals(200, feed.statusCode());
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        var items = document.getElementsByTagName("guid");
        var feedGuids = new ArrayList<String>();
        for (int i = 0; i < items.getLength(); i++) {
            feedGuids.add(items.item(i).getTextContent());
        }
        assertEquals(guids.keySet(), new java.util.HashSet<>(feedGuids));
        assertTrue(feed.body().contains("<podcast:guid>" + show.guid + "</podcast:guid>"));

        var again = importAndWait(show.feedUrl());
        assertEquals("done", again.getString("state"));
        assertEquals(slug, again.getJsonObject("show").getString("slug"), "the same show");
        assertEquals(0, again.getJsonObject("report").getJsonObject("summary").getInt("imported"), "a second run imports nothing new");
        assertEquals(ForeignShow.IMPORTABLE, again.getJsonObject("report").getJsonObject("summary").getInt("alreadyPresent"));
        assertEquals(ForeignShow.IMPORTABLE, Api.array(producer.get("/api/podcasts/" + slug + "/episodes")).size());
    }

    @Test
    void aLockedFeedIsRefusedWithWhatToDo() {
        var show = new ForeignShow(host, "locked");
        for (var preview : List.of(true, false)) {
            var refused = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", host.base() + "/locked/locked.xml")
                    .add("preview", preview).build());
            assertEquals(409, refused.statusCode(), refused.body());
            assertTrue(Api.object(refused).getString("detail").contains("Unlock it at your current host"), refused.body());
        }
        assertEquals("[]", producer.get("/api/podcasts").body());
        assertTrue(show.guid.length() > 0);
    }

    @Test
    void hostileAndWrongAddressesGetAClearProblemAndNothingIsFetchedThatShouldNotBe() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(host.base() + "/xxe.xml", "422 DOCTYPE");
        expected.put(host.base() + "/laughs.xml", "422 DOCTYPE");
        expected.put(host.base() + "/huge.xml", "422 larger than the limit");
        expected.put(host.base() + "/loop", "422 redirects more than 5 times");
        expected.put(host.base() + "/to-private", "400 loopback");
        expected.put(host.base() + "/page.html", "422 web page");
        expected.put(host.base() + "/atom.xml", "422 Atom");
        expected.put(host.base() + "/missing.xml", "422 404");
        expected.put("file:///etc/passwd", "400 http and https");
        expected.put("http://10.1.2.3/feed.xml", "400 private address");
        expected.put("http://169.254.169.254/latest/meta-data/", "400 link-local");
        expected.put("pas une adresse", "400 ");
        expected.forEach((url, answer) -> {
            var response = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", url).add("preview", true).build());
            var status = Integer.parseInt(answer.substring(0, 3));
            assertEquals(status, response.statusCode(), url + ": " + response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(Api.object(response).getString("detail").contains(answer.substring(4)), url + ": " + response.body());
        });
        var noUrl = producer.postJson("/api/imports", Json.createObjectBuilder().add("preview", true).build());
        assertEquals(422, noUrl.statusCode());
        var unknown = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", "x").add("url", "y").build());
        assertEquals(422, unknown.statusCode());
        assertEquals(401, Api.anonymous().postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", "x").build()).statusCode());
    }

    @Test
    void cancellingKeepsWhatIsImportedAndNothingHalfMade() {
        var show = new ForeignShow(host, "slow");
        // the second item's audio takes about 20 s to arrive
        host.slow("/slow/2.mp3", "audio/mpeg", Fixtures.mp3OfAtLeast(3_000_000), 400);
        var started = producer.postJson("/api/imports", Json.createObjectBuilder().add("feedUrl", show.feedUrl()).build());
        assertEquals(202, started.statusCode(), started.body());
        var location = started.headers().firstValue("Location").orElseThrow();
        Poll.until("the slow download is under way", Duration.ofSeconds(30), () -> {
            var progress = Api.object(producer.get(location)).getJsonObject("progress");
            return !progress.isNull("currentItem") && progress.getString("currentItem").startsWith("2.")
                    && progress.getJsonNumber("bytesDownloaded").longValue() > 200_000;
        });
        var cancelled = producer.delete(location);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", Api.object(cancelled).getString("state"));
        assertEquals(409, producer.delete(location).statusCode(), "already over");
        var slug = Api.object(cancelled).getJsonObject("show").getString("slug");
        Poll.until("the runner has stopped", Duration.ofSeconds(15), () -> Api.object(producer.get(location)).getJsonObject("progress")
                .getInt("episodesDone") == 1);
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        var episodes = Api.array(producer.get("/api/podcasts/" + slug + "/episodes"));
        assertEquals(1, episodes.size(), "the first episode stays; the one being downloaded is not made: " + episodes);
        assertEquals("cancelled", Api.object(producer.get(location)).getString("state"));
        assertEquals(404, Api.newProducer().get(location).statusCode(), "another producer's import is not found");
    }
}
