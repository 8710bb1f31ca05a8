package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/** Who may do what on the API. */
class ProducerAccessIT {

    @Test
    void withoutCredentialsTheApiAnswers401WithAChallenge() {
        var response = Api.anonymous().get("/api/podcasts");
        assertEquals(401, response.statusCode());
        var challenges = response.headers().allValues("WWW-Authenticate");
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Basic")), challenges.toString());
        assertTrue(challenges.stream().anyMatch(c -> c.startsWith("Bearer")), challenges.toString());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(401, Api.object(response).getInt("status"));
    }

    @Test
    void aWrongPasswordOrTokenIs401() {
        assertEquals(401, Api.basic(Api.ADMIN_EMAIL, "wrong-password").get("/api/podcasts").statusCode());
        var wrongToken = Api.bearer("chp_not-a-real-token").get("/api/podcasts");
        assertEquals(401, wrongToken.statusCode());
        assertTrue(wrongToken.headers().firstValue("WWW-Authenticate").isPresent());
        var garbled = Api.send(Api.anonymous().request("/api/podcasts").header("Authorization", "Basic !!!").GET());
        assertEquals(401, garbled.statusCode());
    }

    @Test
    void aProducerGetsARevocableToken() {
        var producer = Api.newProducer();
        var issued = producer.send("POST", "/api/tokens", "application/json", "{\"label\":\"my script\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        var token = Api.object(issued).getString("token");
        var id = Api.object(issued).getString("id");

        var withToken = Api.bearer(token);
        assertEquals(200, withToken.get("/api/podcasts").statusCode());
        assertTrue(withToken.get("/api/tokens").body().contains(id));

        assertEquals(204, withToken.delete("/api/tokens/" + id).statusCode());
        assertEquals(401, withToken.get("/api/podcasts").statusCode());
    }

    @Test
    void onlyTheAdminAddsProducersAndEmailsAreUnique() {
        var email = "unique-" + System.nanoTime() + "@chapitre.test";
        var body = Json.createObjectBuilder().add("email", email).add("password", "a-long-password").add("name", "Ana").build();
        assertEquals(201, Api.admin().postJson("/api/producers", body).statusCode());
        var again = Api.admin().postJson("/api/producers", body);
        assertEquals(409, again.statusCode());
        assertTrue(Api.object(again).getString("detail").contains(email));

        var notAdmin = Api.basic(email, "a-long-password").postJson("/api/producers",
                Json.createObjectBuilder().add("email", "x" + email).add("password", "a-long-password").add("name", "X").build());
        assertEquals(403, notAdmin.statusCode());

        var tooShort = Api.admin().postJson("/api/producers",
                Json.createObjectBuilder().add("email", "short-" + email).add("password", "short").add("name", "S").build());
        assertEquals(422, tooShort.statusCode());
        assertTrue(Api.object(tooShort).getString("detail").contains("password"));
    }

    @Test
    void anotherProducersShowIsNotFound() {
        var owner = Api.newProducer();
        var show = owner.createShow("Secret show").getString("slug");
        var stranger = Api.newProducer();
        for (var response : new java.net.http.HttpResponse[] {
                stranger.get("/api/podcasts/" + show),
                stranger.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json", "{\"title\":\"Mine now\"}"),
                stranger.delete("/api/podcasts/" + show),
                stranger.get("/api/podcasts/" + show + "/episodes"),
                stranger.uploadEpisode(show, Json.createObjectBuilder().add("title", "Intrusion").build(), Fixtures.cbrMp3())}) {
            assertEquals(404, response.statusCode(), response.request().method() + " " + response.request().uri());
        }
        assertTrue(stranger.get("/api/podcasts").body().equals("[]"));
        assertEquals("Secret show", Api.object(owner.get("/api/podcasts/" + show)).getString("title"));
    }
}
