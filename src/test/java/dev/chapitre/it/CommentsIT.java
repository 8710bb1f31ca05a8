package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listener comments: the producer's review queue, what the public pages show, and the show's policy. */
class CommentsIT {

    final Api producer = Api.newProducer();
    String show;
    String api;
    String showPage;
    String episodePage;

    @BeforeEach
    void aShowWithAnEpisode() {
        show = producer.createShow("Courrier des auditeurs").getString("slug");
        Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.cbrMp3()));
        api = "/api/podcasts/" + show + "/comments";
        showPage = "/podcasts/" + show;
        episodePage = showPage + "/premier";
    }

    @Test
    void commentsWaitForReviewAndApprovedOnesAppearOnThePageEscapedNewestFirst() {
        var posted = rate(episodePage, "4", "Très bien <script>alert(1)</script>");
        assertTrue(posted.headers().firstValue("Location").orElseThrow().endsWith("?rated=review#rate"), "told it waits for review");
        assertTrue(page(episodePage + "?rated=review").contains("Votre commentaire sera publié après relecture."));
        rate(episodePage, "2", "Le son était\ntrop faible");
        assertFalse(page(episodePage).contains("Très bien"), "nothing is shown before the producer reads it");
        var queue = Api.object(producer.get(api));
        assertEquals(2, queue.getJsonObject("counts").getInt("awaiting"));
        var comments = queue.getJsonArray("comments").getValuesAs(JsonObject.class);
        assertEquals(List.of("Le son était\ntrop faible", "Très bien <script>alert(1)</script>"),
                comments.stream().map(c -> c.getString("comment")).toList(), "newest first");
        assertEquals("premier", comments.get(0).getString("episode"));
        assertEquals(2, comments.get(0).getInt("stars"));

        for (var comment : comments) {
            var published = producer.send("POST", api + "/" + comment.getInt("id") + "/publish", "application/json", "");
            assertEquals(200, published.statusCode(), published.body());
            assertEquals("published", Api.object(published).getString("state"));
        }
        var html = page(episodePage);
        assertTrue(html.contains("Ce qu'en disent les auditeurs (2 commentaires)"), html);
        assertTrue(html.contains("Très bien &lt;script&gt;alert(1)&lt;/script&gt;"), "escaped");
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(html.indexOf("Le son était") < html.indexOf("Très bien &lt;"), "newest first, as rated");
        assertFalse(page(showPage).contains("Le son était"), "an episode's comments are on its page, not the show's");

        var hidden = producer.send("POST", api + "/" + comments.get(0).getInt("id") + "/hide", "application/json", "");
        assertEquals(200, hidden.statusCode());
        assertFalse(page(episodePage).contains("Le son était"));
        assertEquals(1, Api.object(producer.get(api + "?state=hidden")).getJsonArray("comments").size());

        var deleted = producer.delete(api + "/" + comments.get(1).getInt("id"));
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertFalse(page(episodePage).contains("Très bien"));
        var ratings = Api.object(producer.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(2, ratings.getInt("count"), "the stars of a hidden or deleted comment still count");
        assertEquals(3.0, ratings.getJsonNumber("average").doubleValue());
        assertTrue(ratings.getJsonArray("ratings").getValuesAs(JsonObject.class).stream()
                .noneMatch(r -> r.get("comment").toString().contains("Très bien")), "the words are erased");
        var counts = Api.object(producer.get(api)).getJsonObject("counts");
        assertEquals(Json.createObjectBuilder().add("awaiting", 0).add("published", 0).add("hidden", 1).build(), counts);
    }

    @Test
    void aShowMayPublishWithoutReviewExceptCommentsWithAWordOfItsList() {
        var policy = producer.send("PUT", api + "/policy", "application/json",
                "{\"publishWithoutReview\": true, \"heldWords\": [\" Arnaque \", \"code promo\", \"arnaque\"]}");
        assertEquals(200, policy.statusCode(), policy.body());
        assertEquals(List.of("Arnaque", "code promo"), Api.object(policy).getJsonArray("heldWords").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());

        var published = rate(showPage, "5", "Merci pour cette émission !");
        assertTrue(published.headers().firstValue("Location").orElseThrow().endsWith("?rated=1#rate"), "published at once: plain thanks");
        rate(showPage, "1", "Avec mon CODE PROMO, -50 %");
        var html = page(showPage);
        assertTrue(html.contains("Merci pour cette émission !"), "published at once");
        assertFalse(html.contains("CODE PROMO"), "held by the word list");
        var queue = Api.object(producer.get(api)).getJsonArray("comments");
        assertEquals(1, queue.size());
        assertEquals("Avec mon CODE PROMO, -50 %", queue.getJsonObject(0).getString("comment"));
        assertTrue(queue.getJsonObject(0).isNull("episode"), "the show itself was rated");

        assertEquals(422, producer.send("PUT", api + "/policy", "application/json", "{\"heldWords\": []}").statusCode(),
                "publishWithoutReview is required");
        var notAList = producer.send("PUT", api + "/policy", "application/json", "{\"publishWithoutReview\": false, \"heldWords\": \"spam\"}");
        assertEquals(422, notAList.statusCode());
        assertTrue(notAList.body().contains("heldWords"), notAList.body());
        var tooLong = producer.send("PUT", api + "/policy", "application/json",
                "{\"publishWithoutReview\": false, \"heldWords\": [\"" + "x".repeat(101) + "\"]}");
        assertEquals(422, tooLong.statusCode());
        assertTrue(Api.object(producer.get(api + "/policy")).getBoolean("publishWithoutReview"), "a refused change changes nothing");
    }

    @Test
    void publishedCommentsArePagedTenAtATime() {
        producer.send("PUT", api + "/policy", "application/json", "{\"publishWithoutReview\": true, \"heldWords\": []}");
        for (int i = 1; i <= 12; i++) {
            rate(showPage, "5", "Commentaire numéro " + i + ".");
        }
        var first = page(showPage);
        assertTrue(first.contains("Commentaire numéro 12.") && first.contains("Commentaire numéro 3."), first);
        assertFalse(first.contains("Commentaire numéro 2."));
        assertTrue(first.contains("?comments=2#comments"), "a link to the older ones");
        var second = page(showPage + "?comments=2");
        assertTrue(second.contains("Commentaire numéro 2.") && second.contains("Commentaire numéro 1."));
        assertFalse(second.contains("Commentaire numéro 3."));
        assertTrue(page(showPage + "?comments=99").contains("Commentaire numéro 1."), "past the end: the last page");
        assertEquals(200, Visitor.fresh("fr").get(showPage + "?comments=-5&page=x").statusCode());
    }

    @Test
    void onlyTheShowsProducerModeratesAndOnlyWithJson() {
        rate(showPage, "3", "Bof");
        rate(showPage, "4", "");
        var ratings = Api.object(producer.get("/api/podcasts/" + show + "/ratings")).getJsonArray("ratings").getValuesAs(JsonObject.class);
        var withComment = ratings.stream().filter(r -> !r.isNull("comment")).findFirst().orElseThrow().getInt("id");
        var starsOnly = ratings.stream().filter(r -> r.isNull("comment")).findFirst().orElseThrow().getInt("id");

        assertEquals(404, Api.newProducer().get(api).statusCode(), "another producer");
        assertEquals(404, Api.newProducer().send("POST", api + "/" + withComment + "/publish", "application/json", "").statusCode());
        assertEquals(415, producer.send("POST", api + "/" + withComment + "/publish", "application/x-www-form-urlencoded", "").statusCode(),
                "a cross-site form cannot publish comments");
        var nothingToPublish = producer.send("POST", api + "/" + starsOnly + "/publish", "application/json", "");
        assertEquals(404, nothingToPublish.statusCode());
        assertTrue(nothingToPublish.body().contains("has no comment"), nothingToPublish.body());
        assertEquals(404, producer.send("POST", api + "/999999999/hide", "application/json", "").statusCode());
        assertEquals(422, producer.get(api + "?state=spam").statusCode());
        assertEquals(422, producer.get(api + "?limit=1000").statusCode());
        assertEquals(422, producer.get(api + "?offset=abc").statusCode());
        assertEquals(200, producer.delete(api + "/" + withComment).statusCode());
        assertEquals(404, producer.delete(api + "/" + withComment).statusCode(), "already deleted");
    }

    private HttpResponse<String> rate(String page, String stars, String comment) {
        var listener = Visitor.fresh("fr");
        HttpResponse<String> posted = listener.post(page + "/ratings", listener.form(page, "stars", stars, "comment", comment));
        assertEquals(303, posted.statusCode(), posted.body());
        return posted;
    }

    private static String page(String path) {
        var response = Visitor.fresh("fr").get(path);
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
