package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** A producer creates and edits a show. */
class ShowsIT {

    final Api producer = Api.newProducer();

    @Test
    void createsAShowWhoseSlugComesFromItsTitle() {
        var response = producer.postJson("/api/podcasts", Json.createObjectBuilder()
                .add("title", "Épique " + System.nanoTime()).add("description", "L’histoire, racontée <b>autrement</b> & bien.")
                .add("language", "fr").add("author", "Benjamin").add("ownerName", "Benjamin").add("ownerEmail", "ben@example.org")
                .add("category", "Society & Culture").add("subcategory", "Documentary").add("explicit", false)
                .add("type", "serial").add("link", "https://epique.example.org").add("copyright", "© 2026").add("locked", true).build());
        assertEquals(201, response.statusCode(), response.body());
        var show = Api.object(response);
        assertTrue(show.getString("slug").startsWith("epique-"), show.toString());
        assertEquals(Api.BASE + "/api/podcasts/" + show.getString("slug"), response.headers().firstValue("Location").orElseThrow());
        assertTrue(response.headers().firstValue("ETag").isPresent());
        assertEquals(Api.BASE + "/feeds/" + show.getString("slug") + ".xml", show.getString("feedUrl"));
        assertEquals(36, show.getString("guid").length());
        assertEquals("serial", show.getString("type"));
        assertTrue(show.getBoolean("locked"));
        assertEquals("Society & Culture", show.getString("category"));
        assertTrue(show.isNull("imageUrl"));

        var fetched = producer.get("/api/podcasts/" + show.getString("slug"));
        assertEquals(200, fetched.statusCode());
        assertEquals(show, Api.object(fetched));
        assertTrue(producer.get("/api/podcasts").body().contains(show.getString("guid")));
    }

    @Test
    void aTakenSlugIsAConflictAndADerivedOneIsNumbered() {
        var first = producer.createShow("Même titre");
        var second = producer.createShow("Même titre");
        assertTrue(first.getString("slug").startsWith("meme-titre"));
        assertEquals(first.getString("slug").equals("meme-titre") ? "meme-titre-2" : second.getString("slug"), second.getString("slug"));
        var conflict = producer.postJson("/api/podcasts", Json.createObjectBuilder().add("title", "X").add("slug", first.getString("slug")).build());
        assertEquals(409, conflict.statusCode());
    }

    /** Two studio tabs, or two scripts, asking for one name at the same moment: the database decides. */
    @Test
    void showsCreatedAtTheSameMomentWithOneTitleGetTheirOwnSlugsOrA409NeverA500() throws Exception {
        var title = "Course " + System.nanoTime();
        var slugs = new java.util.HashSet<String>();
        int created = 0;
        var sameTitle = Json.createObjectBuilder().add("title", title).add("language", "fr").build();
        for (var response : AtOnce.send(6, () -> producer.postJson("/api/podcasts", sameTitle))) {
            assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response.statusCode() + " " + response.body());
            if (response.statusCode() == 201) {
                created++;
                assertTrue(slugs.add(Api.object(response).getString("slug")), "one slug, one show: " + response.body());
            } else {
                assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            }
        }
        assertTrue(created >= 1, "at least one of them is created");
        var listed = Api.array(producer.get("/api/podcasts")).stream()
                .filter(show -> show.asJsonObject().getString("title").equals(title)).count();
        assertEquals(created, listed, "every 201 is a show, and nothing else was half-made");
    }

    @Test
    void invalidFieldsAreAllReportedAndNothingIsCreated() {
        var before = Api.array(producer.get("/api/podcasts")).size();
        var response = producer.postJson("/api/podcasts", Json.createObjectBuilder()
                .add("title", " ").add("language", "not a language!").add("category", "Cooking").add("type", "weekly")
                .add("link", "javascript:alert(1)").add("slug", "Bad Slug").build());
        assertEquals(422, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        var fields = Api.object(response).getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(java.util.List.of("title", "language", "category", "type", "link", "slug")), fields.toString());
        assertEquals(before, Api.array(producer.get("/api/podcasts")).size());

        var wrongType = producer.postJson("/api/podcasts", Json.createObjectBuilder().add("title", "T").add("explicit", "yes").build());
        assertEquals(422, wrongType.statusCode());
        var notJson = producer.send("POST", "/api/podcasts", "application/json", "{\"title\": ");
        assertEquals(400, notJson.statusCode());
        assertTrue(Api.object(notJson).getString("detail").contains("JSON"));
        var unknown = producer.postJson("/api/podcasts", Json.createObjectBuilder().add("title", "T").add("tittle", "typo").build());
        assertEquals(422, unknown.statusCode());
        assertTrue(Api.object(unknown).getString("detail").contains("tittle"));
    }

    @Test
    void mergePatchChangesOnlyWhatItNamesAndStaleWritesAreRefused() {
        var show = producer.createShow("Patchable");
        var path = "/api/podcasts/" + show.getString("slug");
        var etag = producer.get(path).headers().firstValue("ETag").orElseThrow();

        var patched = producer.send("PATCH", path, "application/merge-patch+json",
                "{\"description\":\"Nouvelle description\",\"author\":null}", "If-Match", etag);
        assertEquals(200, patched.statusCode(), patched.body());
        var json = Api.object(patched);
        assertEquals("Nouvelle description", json.getString("description"));
        assertTrue(json.isNull("author"));
        assertEquals("Patchable", json.getString("title"));
        assertEquals("fr", json.getString("language"));
        var newEtag = patched.headers().firstValue("ETag").orElseThrow();
        assertFalse(newEtag.equals(etag));

        var stale = producer.send("PATCH", path, "application/merge-patch+json", "{\"title\":\"Lost update\"}", "If-Match", etag);
        assertEquals(412, stale.statusCode());
        assertEquals("Patchable", Api.object(producer.get(path)).getString("title"));

        var readOnly = producer.send("PATCH", path, "application/merge-patch+json", "{\"guid\":\"x\"}");
        assertEquals(422, readOnly.statusCode());
    }

    @Test
    void artworkMustBeASquareJpegOrPngOf1400To3000Pixels() {
        var show = producer.createShow("Pochette");
        var path = "/api/podcasts/" + show.getString("slug") + "/artwork";
        var ok = producer.sendBytes("PUT", path, "image/png", Fixtures.image("png", 1400, 1400));
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(Api.object(ok).getString("imageUrl").endsWith("/media/" + show.getString("slug") + "/artwork.png"));

        var small = producer.sendBytes("PUT", path, "image/jpeg", Fixtures.image("jpg", 1000, 1000));
        assertEquals(422, small.statusCode());
        assertTrue(Api.object(small).getString("detail").contains("1000"));
        var notSquare = producer.sendBytes("PUT", path, "image/jpeg", Fixtures.image("jpg", 1600, 1400));
        assertEquals(422, notSquare.statusCode());
        var lying = producer.sendBytes("PUT", path, "image/jpeg", Fixtures.image("png", 1400, 1400));
        assertEquals(422, lying.statusCode());
        var gif = producer.sendBytes("PUT", path, "image/gif", new byte[] {'G', 'I', 'F', '8'});
        assertEquals(415, gif.statusCode());
        assertEquals("application/problem+json", gif.headers().firstValue("Content-Type").orElse("").split(";")[0]);
    }

    @Test
    void deletingAShowRemovesIt() {
        var show = producer.createShow("Éphémère");
        var path = "/api/podcasts/" + show.getString("slug");
        assertEquals(201, producer.uploadEpisode(show.getString("slug"), Json.createObjectBuilder().add("title", "Un").build(), Fixtures.cbrMp3()).statusCode());
        assertEquals(204, producer.delete(path).statusCode());
        assertEquals(404, producer.get(path).statusCode());
    }
}
