package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A show's team: the owner invites an editor, who accepts, edits, cannot delete the show nor change the team, and may leave. */
class TeamIT {

    final Api owner = Api.newProducer();
    final Api editor = Api.newProducer();
    String show;
    String team;
    long editorId;

    @BeforeEach
    void aShowWithADraft() {
        show = owner.createShow("Émission à plusieurs").getString("slug");
        team = "/api/podcasts/" + show + "/team";
        assertEquals(201, owner.uploadEpisode(show, Json.createObjectBuilder().add("title", "Brouillon").add("slug", "brouillon").build(),
                Fixtures.cbrMp3()).statusCode());
        editorId = Api.object(editor.get("/api/me")).getJsonNumber("id").longValue();
    }

    @Test
    void anInvitedEditorAcceptsThenSeesAndEditsTheShowButCannotDeleteItNorChangeTheTeam() {
        var invited = owner.postJson(team, Json.createObjectBuilder().add("email", " " + email(editor).toUpperCase() + " ").build());
        assertEquals(201, invited.statusCode(), invited.body());
        assertEquals("invited", Api.object(invited).getString("status"));
        assertEquals(404, editor.get("/api/podcasts/" + show).statusCode(), "nothing before accepting");
        var invitations = Api.array(editor.get("/api/me/invitations"));
        assertEquals(1, invitations.size());
        assertEquals(show, invitations.getJsonObject(0).getString("podcast"));

        var accepted = editor.postJson(team + "/accept", Json.createObjectBuilder().build());
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals(List.of("owner:member", "editor:member"), roles(Api.object(editor.get(team))));
        assertEquals(0, Api.array(editor.get("/api/me/invitations")).size());
        assertTrue(Api.array(editor.get("/api/podcasts")).getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getString("slug").equals(show)));

        var renamed = editor.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json", "{\"author\": \"L'équipe\"}");
        assertEquals(200, renamed.statusCode(), renamed.body());
        var takeover = editor.send("PATCH", "/api/podcasts/" + show, "application/merge-patch+json",
                "{\"ownerEmail\": \"editor@example.org\", \"redirectTo\": \"https://elsewhere.example/feed.xml\"}");
        assertEquals(403, takeover.statusCode(), "who the show belongs to and where it lives are the owner's");
        assertTrue(Api.object(takeover).getString("detail").contains("ownerEmail, redirectTo"), takeover.body());
        assertTrue(Api.object(owner.get("/api/podcasts/" + show)).isNull("redirectTo"), "nothing changed");
        var episode = editor.send("PATCH", "/api/podcasts/" + show + "/episodes/brouillon", "application/merge-patch+json",
                "{\"title\": \"Relu par l'éditrice\"}");
        assertEquals(200, episode.statusCode(), episode.body());
        var draftAudio = editor.get("/media/" + show + "/brouillon.mp3");
        assertEquals(200, draftAudio.statusCode(), "an editor hears the draft as its owner does");

        var deletion = editor.delete("/api/podcasts/" + show);
        assertEquals(403, deletion.statusCode());
        assertTrue(Api.object(deletion).getString("detail").contains("Only the owner"), deletion.body());
        var third = Api.newProducer();
        assertEquals(403, editor.postJson(team, Json.createObjectBuilder().add("email", email(third)).build()).statusCode());
        var ownerId = Api.object(owner.get("/api/me")).getJsonNumber("id").longValue();
        assertEquals(403, editor.delete(team + "/" + ownerId).statusCode());
        assertEquals(200, owner.get("/api/podcasts/" + show).statusCode(), "the show is still there");

        assertEquals(204, owner.delete(team + "/" + editorId).statusCode());
        assertEquals(404, editor.get("/api/podcasts/" + show).statusCode(), "removed: nothing any more");
        assertEquals(404, editor.get("/media/" + show + "/brouillon.mp3").statusCode());
    }

    @Test
    void anInvitationIsDeclinedAndAnEditorLeaves() {
        assertEquals(201, owner.postJson(team, Json.createObjectBuilder().add("email", email(editor)).build()).statusCode());
        assertEquals(204, editor.delete(team + "/" + editorId).statusCode(), "declined");
        assertEquals(0, Api.array(editor.get("/api/me/invitations")).size());
        assertEquals(List.of("owner:member"), roles(Api.object(owner.get(team))));

        assertEquals(201, owner.postJson(team, Json.createObjectBuilder().add("email", email(editor)).build()).statusCode(), "again");
        assertEquals(200, editor.postJson(team + "/accept", Json.createObjectBuilder().build()).statusCode());
        assertEquals(204, editor.delete(team + "/" + editorId).statusCode(), "left");
        assertEquals(404, editor.get("/api/podcasts/" + show).statusCode());
    }

    @Test
    void mistakesAreToldApart() {
        var unknown = owner.postJson(team, Json.createObjectBuilder().add("email", "nobody-here@chapitre.test").build());
        assertEquals(422, unknown.statusCode());
        assertTrue(Api.object(unknown).getString("detail").contains("No producer has the email"), unknown.body());
        assertEquals(422, owner.postJson(team, Json.createObjectBuilder().build()).statusCode(), "no email");
        assertEquals(409, owner.postJson(team, Json.createObjectBuilder().add("email", email(owner)).build()).statusCode(), "the owner");
        assertEquals(201, owner.postJson(team, Json.createObjectBuilder().add("email", email(editor)).build()).statusCode());
        var twice = owner.postJson(team, Json.createObjectBuilder().add("email", email(editor)).build());
        assertEquals(409, twice.statusCode());
        assertTrue(Api.object(twice).getString("detail").contains("already invited"), twice.body());
        var ownerId = Api.object(owner.get("/api/me")).getJsonNumber("id").longValue();
        assertEquals(409, owner.delete(team + "/" + ownerId).statusCode(), "the owner stays");
        assertEquals(404, owner.delete(team + "/999999999").statusCode());

        var stranger = Api.newProducer();
        assertEquals(404, stranger.get(team).statusCode(), "another producer's show is not found");
        assertEquals(404, stranger.postJson(team + "/accept", Json.createObjectBuilder().build()).statusCode(), "not invited");
        assertEquals(409, owner.postJson(team + "/accept", Json.createObjectBuilder().build()).statusCode(), "the owner has nothing to accept");
        assertEquals(415, editor.send("POST", team + "/accept", "application/x-www-form-urlencoded", "").statusCode(),
                "a cross-site form cannot accept for the invited producer");
    }

    private static String email(Api producer) {
        return Api.object(producer.get("/api/me")).getString("email");
    }

    private static List<String> roles(JsonObject team) {
        return team.getJsonArray("members").getValuesAs(JsonObject.class).stream()
                .map(member -> member.getString("role") + ":" + member.getString("status")).toList();
    }
}
