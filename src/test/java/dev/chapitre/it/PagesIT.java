package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's pages, as a browser without JavaScript gets them. */
class PagesIT {

    final Api producer = Api.newProducer();
    String show;
    JsonObject published;

    @BeforeEach
    void aFrenchShow() {
        show = producer.createShow("Épique <script>alert(1)</script> & co").getString("slug");
        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json",
                "{\"description\":\"<p>L’histoire politique, <b>racontée</b> & commentée.</p>\",\"author\":\"Benjamin\"}").statusCode());
        published = upload("1. 2017 – 1er PM : les débuts", "2026-01-05T06:00:00Z", """
                [{"startTime":0,"title":"Intro"},{"startTime":2.5,"title":"Les débuts & <la suite>","url":"https://example.org/débuts"},
                 {"startTime":4.25,"title":"Fin"}]""");
        upload("2. La campagne", "2026-02-02T06:00:00Z", "[]");
        upload("Brouillon secret", null, "[]");
        upload("Plus tard", "2099-01-01T00:00:00Z", "[]");
    }

    @Test
    void theShowPageListsPublishedEpisodesWithEverythingAppsAndSearchEnginesLookFor() {
        var page = Visitor.fresh("fr-FR,fr;q=0.9,en;q=0.5").get("/podcasts/" + show);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        var html = page.body();
        assertTrue(html.contains("<html lang=\"fr\">"));
        assertTrue(html.contains("<h1>Épique &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>"), "titles are escaped");
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(html.contains("<b>racontée</b>"), "the sanitised description keeps its markup");
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Épique &lt;script&gt;alert(1)&lt;/script&gt; &amp; co\" href=\""
                + Api.BASE + "/feeds/" + show + ".xml\">"), "apps discover the feed");
        assertTrue(html.contains("<meta property=\"og:title\""));
        assertTrue(html.contains("<meta name=\"description\" content=\"L’histoire politique, racontée &amp; commentée.\">"));
        assertTrue(html.contains("S'abonner") && html.contains("Copier") && html.contains("pktc://subscribe/")
                && html.contains("overcast://x-callback-url/add?url=") && html.contains("podcast://"));
        assertTrue(html.indexOf("2. La campagne") < html.indexOf("1. 2017 – 1er PM : les débuts"), "newest first");
        assertTrue(html.contains("5 janvier 2026"), "dates in French");
        assertFalse(html.contains("Brouillon secret") || html.contains("Plus tard"), "drafts and scheduled episodes stay hidden");
        var jsonLd = jsonLd(html);
        assertEquals("PodcastSeries", jsonLd.getString("@type"));
        assertEquals(Api.BASE + "/feeds/" + show + ".xml", jsonLd.getString("webFeed"));
        assertFalse(jsonLd.containsKey("aggregateRating"), "no ratings yet");

        var english = Visitor.fresh("en-GB,en;q=0.8").get("/podcasts/" + show).body();
        assertTrue(english.contains("<html lang=\"en\">") && english.contains("Subscribe"), "English when asked");
        assertTrue(english.contains("January 5, 2026"), "dates in English");
        assertTrue(Visitor.fresh("de-DE").get("/podcasts/" + show).body().contains("<html lang=\"en\">"), "English otherwise");
    }

    @Test
    void theEpisodePageHasThePlayerChaptersCreditsAndOtherEpisodes() {
        var html = Visitor.fresh("fr").get("/podcasts/" + show + "/" + published.getString("slug")).body();
        assertTrue(html.contains("<audio id=\"player\" controls preload=\"metadata\" src=\"" + Api.BASE + "/media/" + show + "/"
                + published.getString("slug") + ".mp3\""));
        var starts = Pattern.compile("<li data-start=\"([0-9.]+)\">").matcher(html).results().map(m -> m.group(1)).toList();
        assertEquals(List.of("0.0", "2.5", "4.25"), starts);
        assertTrue(html.contains("<span class=\"start\">0:02</span> <span class=\"title\">Les débuts &amp; &lt;la suite&gt;</span>"));
        assertTrue(html.contains("href=\"https://example.org/débuts\""));
        assertTrue(html.contains("href=\"#t=2.5\""), "chapters are links without JavaScript too");
        assertTrue(html.contains("Découvrir d'autres épisodes") && html.contains("2. La campagne"));
        assertTrue(html.contains("Noter l'épisode"));
        assertTrue(html.contains("Crédits") && html.contains("Benjamin — Host"), "credits with their roles");
        var jsonLd = jsonLd(html);
        assertEquals("PodcastEpisode", jsonLd.getString("@type"));
        assertEquals("PT6S", jsonLd.getString("timeRequired"));
        assertEquals("PodcastSeries", jsonLd.getJsonObject("partOfSeries").getString("@type"));
    }

    @Test
    void draftsScheduledAndUnknownAddressesAreProperNotFoundPages() {
        var visitor = Visitor.fresh("fr");
        for (var path : List.of("/podcasts/" + show + "/brouillon-secret", "/podcasts/" + show + "/plus-tard",
                "/podcasts/" + show + "/nope", "/podcasts/no-such-show", "/podcasts/" + show + "/a/b")) {
            HttpResponse<String> page = visitor.get(path);
            assertEquals(404, page.statusCode(), path);
            assertTrue(page.body().contains("Page introuvable"), path);
            assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"), path);
        }
    }

    @Test
    void theHomePageListsTheShowsAndAssetsAreImmutable() {
        var html = Visitor.fresh("fr").get("/").body();
        assertTrue(html.contains("Les podcasts de Chapitre"));
        assertTrue(html.contains("href=\"" + Api.BASE + "/podcasts/" + show + "\""));
        assertTrue(html.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Épique &lt;script&gt;alert(1)&lt;/script&gt; &amp; co\" href=\""
                + Api.BASE + "/feeds/" + show + ".xml\">"), "every show's feed is discoverable from the home page");
        var css = Pattern.compile("href=\"(/static/chapitre\\.[0-9a-f]{10}\\.css)\"").matcher(html);
        assertTrue(css.find(), "a fingerprinted stylesheet");
        var asset = Visitor.fresh("fr").get(css.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(404, Visitor.fresh("fr").get("/static/chapitre.0000000000.css").statusCode());
    }

    @Test
    void longShowsArePaged() {
        for (int i = 0; i < 20; i++) {
            upload("Épisode " + i, "2025-06-" + String.format("%02d", i + 1) + "T06:00:00Z", "[]");
        }
        var visitor = Visitor.fresh("en");
        var first = visitor.get("/podcasts/" + show).body();
        assertTrue(first.contains("Page 1 of 2") && first.contains("rel=\"next\" href=\"" + Api.BASE + "/podcasts/" + show + "?page=2\""));
        var second = visitor.get("/podcasts/" + show + "?page=2").body();
        // 22 episodes, newest first: the two of 2026, then June 20 … 3 of 2025 on page 1; June 2 and 1 on page 2
        assertTrue(second.contains("Page 2 of 2") && second.contains("Épisode 0<") && second.contains("Épisode 1<"));
        assertFalse(second.contains("2. La campagne"));
        assertFalse(first.contains("Épisode 0<"));
        assertEquals(200, visitor.get("/podcasts/" + show + "?page=999").statusCode(), "out of range → the last page");
    }

    private JsonObject upload(String title, String publishedAt, String chapters) {
        var metadata = Json.createObjectBuilder().add("title", title).add("chapters", Json.createReader(new java.io.StringReader(chapters)).readArray())
                .add("persons", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "Benjamin")));
        if (publishedAt != null) {
            metadata.add("publishedAt", publishedAt);
        }
        var response = producer.uploadEpisode(show, metadata.build(), Fixtures.cbrMp3());
        assertEquals(201, response.statusCode(), response.body());
        return Api.object(response);
    }

    static JsonObject jsonLd(String html) {
        var matcher = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "JSON-LD present");
        return (JsonObject) Api.parse(matcher.group(1));
    }
}
