package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The public feed and chapter files, as podcast apps fetch them. */
class FeedsIT {

    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String PODCAST = "https://podcastindex.org/namespace/1.0";
    static final String PSC = "http://podlove.org/simple-chapters";

    final Api producer = Api.newProducer();
    final Api listener = Api.anonymous();
    String show;
    String feed;

    @BeforeEach
    void aShowWithCredits() {
        show = producer.createShow("Épique & « Co »").getString("slug");
        feed = "/feeds/" + show + ".xml";
        var patch = producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json", """
                {"description":"L'histoire <racontée> & commentée 🎙️","medium":"podcast","ownerName":"Élodie",
                 "ownerEmail":"elodie@example.fr","locked":true,"subcategory":null,
                 "persons":[{"name":"Élodie Müller","role":"host"},{"name":"Jean","role":"editor","group":"audio post-production"}]}""");
        assertEquals(200, patch.statusCode(), patch.body());
    }

    @Test
    void listsThePublishedEpisodesNewestFirstWithEveryChapterFormat() throws Exception {
        var january = upload("Janvier", "2026-01-05T06:00:00Z");
        var february = upload("Février & <suite>", "2026-02-02T06:00:00Z");
        upload("Brouillon", null);
        upload("Plus tard", "2099-01-01T00:00:00Z");
        var chapters = producer.send("PUT", episodePath(february) + "/chapters", "application/json", """
                {"chapters":[{"startTime":0,"title":"1. 2017 – 1er PM : les débuts"},
                             {"startTime":2.5,"title":"2. Coulisses","url":"https://example.org/coulisses","img":"https://example.org/c.jpg"},
                             {"startTime":4.125,"title":"Hors sommaire","toc":false}]}""");
        assertEquals(200, chapters.statusCode(), chapters.body());
        producer.awaitTagged(episodePath(february));
        producer.awaitTagged(episodePath(january));

        var response = listener.get(feed);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/rss+xml; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow().toLowerCase());
        var xml = dom(response.body().getBytes(StandardCharsets.UTF_8));
        var channel = (Element) xml.getElementsByTagName("channel").item(0);
        assertEquals("Épique & « Co »", text(channel, "", "title"));
        assertEquals(Api.BASE + "/podcasts/" + show, text(channel, "", "link"));
        var showJson = Api.object(producer.get("/api/podcasts/" + show));
        assertEquals(showJson.getString("guid"), text(channel, PODCAST, "guid"));
        assertEquals("podcast", text(channel, PODCAST, "medium"));
        assertEquals("yes", text(channel, PODCAST, "locked"));
        assertEquals("elodie@example.fr", child(channel, PODCAST, "locked").getAttribute("owner"));
        var persons = children(channel, PODCAST, "person");
        assertEquals(List.of("Élodie Müller", "Jean"), persons.stream().map(Element::getTextContent).toList());
        assertEquals("editor", persons.get(1).getAttribute("role"));
        assertEquals("History", child(channel, ITUNES, "category").getAttribute("text"));
        assertEquals("false", text(channel, ITUNES, "explicit"));

        var items = children(channel, "", "item");
        assertEquals(List.of("Février & <suite>", "Janvier"), items.stream().map(i -> text(i, "", "title")).toList(),
                "published only, newest first");
        var item = items.get(0);
        assertEquals(february.getString("guid"), text(item, "", "guid"));
        assertEquals("false", child(item, "", "guid").getAttribute("isPermaLink"));
        assertEquals("Mon, 02 Feb 2026 06:00:00 GMT", text(item, "", "pubDate"));
        assertEquals(Api.BASE + "/podcasts/" + show + "/" + february.getString("slug"), text(item, "", "link"));
        var enclosure = child(item, "", "enclosure");
        var audioUrl = enclosure.getAttribute("url");
        assertEquals(Api.BASE + "/media/" + show + "/" + february.getString("slug") + ".mp3", audioUrl);
        assertEquals("audio/mpeg", enclosure.getAttribute("type"));
        var served = Api.send(HttpRequest.newBuilder(java.net.URI.create(audioUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(served.headers().firstValue("Content-Length").orElseThrow(), enclosure.getAttribute("length"),
                "the enclosure length is the served, tagged file's");
        assertEquals("6", text(item, ITUNES, "duration"));

        var psc = children(child(item, PSC, "chapters"), PSC, "chapter");
        assertEquals(List.of("00:00:00.000", "00:00:02.500", "00:00:04.125"), psc.stream().map(c -> c.getAttribute("start")).toList());
        assertEquals("1. 2017 – 1er PM : les débuts", psc.get(0).getAttribute("title"));
        assertEquals("https://example.org/coulisses", psc.get(1).getAttribute("href"));
        assertEquals("https://example.org/c.jpg", psc.get(1).getAttribute("image"));
        var linked = child(item, PODCAST, "chapters");
        assertEquals("application/json+chapters", linked.getAttribute("type"));
        assertEquals(Api.BASE + "/chapters/" + show + "/" + february.getString("slug") + ".json", linked.getAttribute("url"));
        assertFalse(response.body().contains("Brouillon"));
        assertFalse(response.body().contains("Plus tard"));

        var json = Api.send(HttpRequest.newBuilder(java.net.URI.create(linked.getAttribute("url"))).GET());
        assertEquals(200, json.statusCode(), json.body());
        assertEquals("application/json+chapters", json.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("*", json.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        var document = (JsonObject) Api.parse(json.body());
        assertEquals("1.2.0", document.getString("version"));
        assertEquals("Février & <suite>", document.getString("title"));
        assertEquals("Épique & « Co »", document.getString("podcastName"));
        var entries = document.getJsonArray("chapters").getValuesAs(JsonObject.class);
        assertEquals(List.of(0.0, 2.5, 4.125), entries.stream().map(c -> c.getJsonNumber("startTime").doubleValue()).toList());
        assertEquals("https://example.org/coulisses", entries.get(1).getString("url"));
        assertFalse(entries.get(2).getBoolean("toc"));
        assertFalse(entries.get(0).containsKey("toc"), "toc is written only when false");
    }

    @Test
    void answersConditionalRequestsAndCompresses() throws Exception {
        var episode = upload("Un", "2026-03-01T06:00:00Z");
        assertEquals(200, producer.send("PUT", episodePath(episode) + "/chapters", "text/plain",
                "00:00:00 Ouverture\n00:00:01 Les débuts\n00:00:02 La suite\n00:00:03 La fin\n").statusCode());
        producer.awaitTagged(episodePath(episode)); // the re-tag changes the enclosure length, hence the feed
        for (var path : List.of(feed, "/chapters/" + show + "/" + episode.getString("slug") + ".json")) {
            var plain = bytes(path, "GET");
            assertEquals(200, plain.statusCode());
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
            assertTrue(plain.headers().firstValue("Cache-Control").orElseThrow().matches("public, max-age=\\d+"));
            assertEquals("Accept-Encoding", plain.headers().firstValue("Vary").orElseThrow());
            var etag = plain.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("\"[^\"]+\""), "a strong ETag: " + etag);
            var lastModified = plain.headers().firstValue("Last-Modified").orElseThrow();

            var gzipped = bytes(path, "GET", "Accept-Encoding", "gzip, deflate, br");
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
            assertEquals("Accept-Encoding", gzipped.headers().firstValue("Vary").orElseThrow());
            assertArrayEquals(plain.body(), gunzip(gzipped.body()));
            assertTrue(gzipped.body().length < plain.body().length);
            assertNotEquals(etag, gzipped.headers().firstValue("ETag").orElseThrow(), "each encoding has its own ETag");

            var head = bytes(path, "HEAD", "Accept-Encoding", "gzip");
            assertEquals(200, head.statusCode());
            assertEquals(0, head.body().length);
            for (var header : List.of("Content-Type", "Content-Length", "ETag", "Last-Modified", "Content-Encoding")) {
                assertEquals(gzipped.headers().firstValue(header), head.headers().firstValue(header), header);
            }

            for (var conditional : List.of(new String[] {"If-None-Match", etag},
                    new String[] {"If-None-Match", gzipped.headers().firstValue("ETag").orElseThrow()},
                    new String[] {"If-None-Match", "\"other\", " + etag},
                    new String[] {"If-Modified-Since", lastModified})) {
                var notModified = bytes(path, "GET", "Accept-Encoding", "gzip", conditional[0], conditional[1]);
                assertEquals(304, notModified.statusCode(), String.join(": ", conditional));
                assertEquals(0, notModified.body().length);
                assertEquals(gzipped.headers().firstValue("ETag"), notModified.headers().firstValue("ETag"));
            }
            assertEquals(200, bytes(path, "GET", "If-None-Match", "\"stale\"").statusCode());
            assertEquals(200, bytes(path, "GET", "If-Modified-Since", "Thu, 01 Jan 2026 00:00:00 GMT").statusCode());
            assertEquals(200, bytes(path, "GET", "If-Modified-Since", "not a date").statusCode());
        }
    }

    @Test
    void everyChangeReachesTheFeedAtOnce() throws Exception {
        var episode = upload("Un", "2026-03-01T06:00:00Z");
        producer.awaitTagged(episodePath(episode)); // until then the feed moves on its own
        var before = listener.get(feed);
        var etag = before.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, Api.send(listener.request(feed).header("If-None-Match", etag)).statusCode());

        var path = episodePath(episode);
        assertEquals(200, producer.send("PUT", path + "/chapters", "text/plain", "00:00:00 Début\n00:00:03 Suite\n").statusCode());
        var afterChapters = listener.get(feed);
        assertNotEquals(etag, afterChapters.headers().firstValue("ETag").orElseThrow());
        assertTrue(afterChapters.body().contains("title=\"Suite\""), afterChapters.body());
        assertEquals(200, Api.send(listener.request(feed).header("If-None-Match", etag)).statusCode(), "the old copy is stale");

        producer.awaitTagged(path);
        var media = Api.send(listener.request("/media/" + show + "/" + episode.getString("slug") + ".mp3")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        var enclosure = child(child(dom(listener.get(feed).body().getBytes(StandardCharsets.UTF_8)).getDocumentElement(), "", "channel"), "", "item");
        assertEquals(media.headers().firstValue("Content-Length").orElseThrow(), child(enclosure, "", "enclosure").getAttribute("length"),
                "after a re-tag the feed announces the new file's length");

        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json", "{\"title\":\"Épique, saison 2\"}").statusCode());
        assertTrue(listener.get(feed).body().contains("<title>Épique, saison 2</title>"));

        var lastModified = listener.get(feed).headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(204, producer.delete(path).statusCode());
        var afterDelete = listener.get(feed);
        assertFalse(afterDelete.body().contains("<item>"), afterDelete.body());
        assertEquals(200, Api.send(listener.request(feed).header("If-Modified-Since", lastModified)).statusCode(),
                "removing an episode dates the feed after the copy a client holds");
        assertEquals(404, listener.get("/chapters/" + show + "/" + episode.getString("slug") + ".json").statusCode());
    }

    @Test
    void aScheduledEpisodeAppearsAtItsTimeWithoutAnyOtherChange() throws Exception {
        upload("Déjà là", "2026-03-01T06:00:00Z");
        var at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        var scheduled = upload("À l'heure", at.toString());

        var before = listener.get(feed);
        assertFalse(before.body().contains("À l'heure"));
        var maxAge = Long.parseLong(before.headers().firstValue("Cache-Control").orElseThrow().replaceAll(".*max-age=", ""));
        assertTrue(maxAge <= 5, "clients must not keep the feed past the scheduled time: " + maxAge);
        assertEquals(404, listener.get("/chapters/" + show + "/" + scheduled.getString("slug") + ".json").statusCode());

        // a little slack for a slow CI machine; a cache kept until its 60 s max-age would fail here
        Poll.until("the feed shows the episode at its time (the cache must not outlive it)",
                Duration.between(Instant.now(), at.plusSeconds(3)), () -> listener.get(feed).body().contains("À l'heure"));
        assertFalse(Instant.now().isBefore(at), "published early");
    }

    @Test
    void unknownDocumentsAre404Problems() {
        var draft = upload("Brouillon", null);
        for (var path : List.of("/feeds/no-such-show.xml", "/feeds/" + show + ".rss", "/feeds/",
                "/chapters/" + show + "/" + draft.getString("slug") + ".json", "/chapters/" + show + "/nope.json",
                "/chapters/no-such-show/x.json")) {
            var response = listener.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), path);
            assertEquals(404, Api.object(response).getInt("status"));
        }
    }

    private JsonObject upload(String title, String publishedAt) {
        var metadata = Json.createObjectBuilder().add("title", title).add("number", 1);
        if (publishedAt != null) {
            metadata.add("publishedAt", publishedAt);
        }
        var response = producer.uploadEpisode(show, metadata.build(), Fixtures.cbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        return Api.object(response);
    }

    private String episodePath(JsonObject episode) {
        return "/api/podcasts/" + show + "/episodes/" + episode.getString("slug");
    }

    private HttpResponse<byte[]> bytes(String path, String method, String... headers) {
        var request = listener.request(path).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return Api.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }

    static Document dom(byte[] xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> children(Element parent, String namespace, String name) {
        var found = new ArrayList<Element>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName())
                    && (namespace.isEmpty() ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String namespace, String name) {
        var found = children(parent, namespace, name);
        assertEquals(1, found.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return found.get(0);
    }

    static String text(Element parent, String namespace, String name) {
        return child(parent, namespace, name).getTextContent();
    }
}
