package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A producer's browser remembers their Basic credentials, and another site makes it send a
 * request to the API: a form (text/plain, url-encoded, multipart) or a fetch without preflight.
 * Nothing changes. Scripts and the studio keep working.
 */
class CrossSiteRequestsIT {

    private static final String EVIL = "https://evil.example";

    final Api producer = Api.newProducer();
    String show;
    String chapters;

    @BeforeEach
    void aShowWithAnEpisode() {
        show = producer.createShow("Visée").getString("slug");
        var episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Cible").build(), Fixtures.cbrMp3()));
        chapters = "/api/podcasts/" + show + "/episodes/" + episode.getString("slug") + "/chapters";
    }

    @Test
    void aCrossSiteTextPostWithBasicCredentialsDoesNotReplaceTheChapters() {
        var youtube = "0:00 Pirated\n0:03 Chapters\n";
        for (var browserSays : new String[][] {
                {"Origin", EVIL, "Sec-Fetch-Site", "cross-site"},
                {"Origin", EVIL},
                {"Sec-Fetch-Site", "cross-site"},
                {"Sec-Fetch-Site", "same-site"},
                {"Origin", "null"}}) {
            var forged = producer.send("POST", chapters + "/import?format=youtube", "text/plain", youtube, browserSays);
            assertProblem(403, forged, String.join(" ", browserSays));
        }
        assertEquals(0, Api.object(producer.get(chapters)).getJsonArray("chapters").size(), "nothing changed");

        var fromTheStudio = producer.send("POST", chapters + "/import?format=youtube", "text/plain", youtube,
                "Origin", Api.BASE, "Sec-Fetch-Site", "same-origin");
        assertEquals(200, fromTheStudio.statusCode(), fromTheStudio.body());
        var fromAScript = producer.send("POST", chapters + "/import?format=youtube", "text/plain", youtube);
        assertEquals(200, fromAScript.statusCode(), "no Origin, no Sec-Fetch-Site: not a browser");
    }

    @Test
    void aBodyWithoutContentTypeCreatesNoShow() {
        var forged = producer.send("POST", "/api/podcasts", null, "{\"title\":\"Riding along\"}");
        assertProblem(415, forged, "no Content-Type");
        assertEquals(1, Api.array(producer.get("/api/podcasts")).size(), "only the show of the setup");
    }

    @Test
    void formTypesAreTakenOnlyWhereTheEndpointNamesThem() {
        assertProblem(415, producer.send("POST", "/api/tokens", "application/x-www-form-urlencoded", "label=forged"), "form to tokens");
        assertProblem(415, producer.send("POST", "/api/tokens", "text/plain", "{\"label\":\"forged\"}"), "text to tokens");
        assertProblem(415, producer.send("POST", "/api/podcasts", "multipart/form-data; boundary=x", "--x--\r\n"), "multipart to shows");
        assertEquals("[]", producer.get("/api/tokens").body(), "no token was issued");
    }

    @Test
    void otherChangesFromAnotherSiteAreRefusedToo() {
        var episodes = "/api/podcasts/" + show + "/episodes";
        assertProblem(403, producer.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json", "{\"title\":\"Défiguré\"}",
                "Origin", EVIL), "patch");
        assertProblem(403, Api.send(producer.request("/api/podcasts/" + show).header("Sec-Fetch-Site", "cross-site").DELETE()), "delete");
        var upload = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Intrus\"}".getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "intrus.mp3", Fixtures.cbrMp3());
        assertProblem(403, Api.send(producer.request(episodes).header("Content-Type", upload.contentType()).header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofByteArray(upload.bytes()))), "upload");
        assertEquals("Visée", Api.object(producer.get("/api/podcasts/" + show)).getString("title"));
        assertEquals(1, Api.array(producer.get(episodes)).size());
    }

    private static void assertProblem(int status, HttpResponse<String> response, String what) {
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
    }
}
