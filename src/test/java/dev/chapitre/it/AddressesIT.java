package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Addresses never break (a new slug answers for the old one, forever), and a show can move out. */
class AddressesIT {

    final Api producer = Api.newProducer();
    final Api listener = Api.anonymous();

    private String patch(String path, jakarta.json.JsonObject body) {
        var response = producer.send("PATCH", path, "application/merge-patch+json", body.toString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private void assertMoved(String from, String to) {
        var response = listener.get(from);
        assertEquals(301, response.statusCode(), from + ": " + response.body());
        assertEquals(Api.BASE + to, response.headers().firstValue("Location").orElseThrow(), from);
        assertEquals(200, listener.get(to).statusCode(), to);
    }

    @Test
    void everyOldAddressOfAShowAndAnEpisodeAnswers301ToItsNewOneForever() {
        var show = producer.createShow("Déménagement " + System.nanoTime()).getString("slug");
        producer.sendBytes("PUT", "/api/podcasts/" + show + "/artwork", "image/png", Fixtures.image("png", 1400, 1400));
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier").add("slug", "premier")
                .add("publishedAt", "2026-01-01T00:00:00Z").add("chapters", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Début"))).build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());

        patch("/api/podcasts/" + show, Json.createObjectBuilder().add("slug", show + "-v2").build());
        patch("/api/podcasts/" + show + "-v2/episodes/premier", Json.createObjectBuilder().add("slug", "le-premier").build());
        patch("/api/podcasts/" + show + "-v2", Json.createObjectBuilder().add("slug", show + "-v3").build());
        var now = show + "-v3";
        for (var old : List.of(show, show + "-v2")) {
            assertMoved("/feeds/" + old + ".xml", "/feeds/" + now + ".xml");
            assertMoved("/podcasts/" + old, "/podcasts/" + now);
            assertMoved("/podcasts/" + old + "/premier?rated=1", "/podcasts/" + now + "/le-premier?rated=1");
            assertMoved("/media/" + old + "/premier.mp3", "/media/" + now + "/le-premier.mp3");
            assertMoved("/chapters/" + old + "/premier.json", "/chapters/" + now + "/le-premier.json");
            assertMoved("/media/" + old + "/artwork.png", "/media/" + now + "/artwork.png");
        }
        assertMoved("/podcasts/" + now + "/premier", "/podcasts/" + now + "/le-premier");
        assertEquals(404, listener.get("/podcasts/" + now + "/jamais").statusCode());
        assertEquals(404, listener.get("/feeds/jamais-" + System.nanoTime() + ".xml").statusCode());

        // a former slug is nobody else's: the old addresses keep leading to this show
        var other = producer.postJson("/api/podcasts", Json.createObjectBuilder().add("title", "Autre").add("slug", show).build());
        assertEquals(409, other.statusCode(), other.body());
        assertTrue(Api.object(other).getString("detail").contains("another show"));
        var sameTitle = producer.createShow(show).getString("slug");
        assertTrue(!sameTitle.equals(show), "a slug made from a title skips former slugs too");
        // but the show itself may take it back, and then it answers again
        patch("/api/podcasts/" + now, Json.createObjectBuilder().add("slug", show).build());
        assertEquals(200, listener.get("/feeds/" + show + ".xml").statusCode());
        assertMoved("/feeds/" + now + ".xml", "/feeds/" + show + ".xml");
    }

    @Test
    void aShowThatMovesOutRedirectsItsFeedAndTellsAppsInTheFeedToo() {
        var created = producer.createShow("Départ " + System.nanoTime());
        var show = created.getString("slug");
        assertTrue(created.getBoolean("locked"), "podcast:locked is on by default");
        patch("/api/podcasts/" + show, Json.createObjectBuilder().add("txt", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("purpose", "applepodcastsverify").add("text", "a1b2c3d4-e5f6"))).build());
        var feed = listener.get("/feeds/" + show + ".xml");
        assertTrue(feed.body().contains("<podcast:txt purpose=\"applepodcastsverify\">a1b2c3d4-e5f6</podcast:txt>"), feed.body());
        assertTrue(feed.body().contains("<podcast:locked owner=\"producer") || feed.body().contains("<podcast:locked>yes</podcast:locked>"),
                feed.body());

        var bad = producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json",
                Json.createObjectBuilder().add("redirectTo", "ftp://ailleurs").build().toString());
        assertEquals(422, bad.statusCode(), bad.body());

        patch("/api/podcasts/" + show, Json.createObjectBuilder().add("redirectTo", "https://ailleurs.example.org/feed.xml").build());
        var moved = listener.get("/feeds/" + show + ".xml");
        assertEquals(301, moved.statusCode());
        assertEquals("https://ailleurs.example.org/feed.xml", moved.headers().firstValue("Location").orElseThrow());
        assertTrue(moved.body().contains("<itunes:new-feed-url>https://ailleurs.example.org/feed.xml</itunes:new-feed-url>"), moved.body());
        assertEquals(200, listener.get("/podcasts/" + show).statusCode(), "only the feed moves");

        patch("/api/podcasts/" + show, Json.createObjectBuilder().addNull("redirectTo").build());
        assertEquals(200, listener.get("/feeds/" + show + ".xml").statusCode(), "moving back in is one change away");
    }
}
