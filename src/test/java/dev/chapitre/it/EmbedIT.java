package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The player other sites frame: a published episode with its chapters, from this platform only. */
class EmbedIT {

    final Api producer = Api.newProducer();
    String show;
    String embed;

    @BeforeEach
    void aPublishedEpisodeWithChapters() {
        show = producer.createShow("Épique <em>embarqué</em> " + System.nanoTime()).getString("slug");
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "1. Les débuts & <la suite>").add("slug", "debuts")
                .add("publishedAt", "2026-01-05T06:00:00Z").add("chapters", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Intro"))
                        .add(Json.createObjectBuilder().add("startTime", 2.5).add("title", "Élysée « enfin »"))).build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());
        embed = "/embed/" + show + "/debuts";
    }

    @Test
    void anyPageMayFrameThePlayerAndItsChaptersSeek() {
        var answer = Visitor.fresh("fr-FR,fr;q=0.9").get(embed);
        assertEquals(200, answer.statusCode(), answer.body());
        var csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors *"), csp);
        assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "still nothing from anyone else: " + csp);
        assertFalse(answer.headers().firstValue("X-Frame-Options").isPresent());
        var html = answer.body();
        assertTrue(html.contains("<html lang=\"fr\" class=\"embed theme-auto\">"), html);
        assertTrue(html.contains("1. Les débuts &amp; &lt;la suite&gt;") && !html.contains("<la suite>"), "escaped");
        assertTrue(html.contains("<audio id=\"player\" controls preload=\"none\" src=\"" + Api.BASE + "/media/" + show + "/debuts.mp3\""), html);
        assertTrue(html.contains("<a class=\"seek\" href=\"#t=2.5\" data-start=\"2.5\""), "chapters seek, with or without JavaScript");
        assertTrue(html.contains("Élysée « enfin »") && html.contains("Chapitres"), "French labels");
        var addresses = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertTrue(addresses.stream().allMatch(address -> address.startsWith("/") || address.startsWith(Api.BASE)),
                "no third-party request: " + addresses);

        assertTrue(Visitor.fresh("en").get(embed + "?theme=dark").body().contains("<html lang=\"en\" class=\"embed theme-dark\">"));
        assertTrue(Visitor.fresh("en").get(embed + "?theme=%22%3E%3Cscript%3E").body().contains("class=\"embed theme-auto\""),
                "an unknown theme is the reader's system choice");
        var page = Visitor.fresh("en").get("/podcasts/" + show + "/debuts");
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"),
                "the episode page itself is not frameable");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void draftsAreNotEmbeddedAndAMovedEpisodeKeepsPlaying() {
        var draft = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Brouillon").add("slug", "brouillon").build(),
                Fixtures.cbrMp3());
        assertEquals(201, draft.statusCode());
        assertEquals(404, Visitor.fresh("fr").get("/embed/" + show + "/brouillon").statusCode());
        assertEquals(404, Visitor.fresh("fr").get("/embed/" + show).statusCode());

        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + show + "/episodes/debuts", "application/merge-patch+json",
                "{\"slug\":\"les-debuts\"}").statusCode());
        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json",
                "{\"slug\":\"" + show + "-v2\"}").statusCode());
        var moved = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + embed + "?theme=dark")));
        assertEquals(301, moved.statusCode());
        assertEquals(Api.BASE + "/embed/" + show + "-v2/les-debuts?theme=dark", moved.headers().firstValue("Location").orElseThrow());
    }
}
