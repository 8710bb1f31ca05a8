package dev.chapitre.podcasts.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.ShowMember;
import dev.chapitre.security.entity.Producer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * A show's team: {@code GET} for its owner and editors; the owner invites ({@code POST {"email": …}}) and
 * removes ({@code DELETE …/{producerId}}); an invited producer accepts ({@code POST …/accept}) or
 * declines, and an editor leaves, by removing themselves.
 */
@Path("podcasts/{podcast}/team")
@Produces(MediaType.APPLICATION_JSON)
public class TeamResource {

    @Inject
    Teams teams;

    @GET
    public JsonObject team(@PathParam("podcast") String slug) {
        return json(teams.team(slug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("podcast") String slug, String body) {
        var member = teams.invite(slug, JsonInput.parseObject(body).string("email"));
        return Response.status(Response.Status.CREATED).entity(json(member)).build();
    }

    /** JSON only, like every change a cross-site form must not make. */
    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject accept(@PathParam("podcast") String slug) {
        return json(teams.accept(slug));
    }

    @DELETE
    @Path("{producer}")
    public Response remove(@PathParam("podcast") String slug, @PathParam("producer") long producerId) {
        teams.remove(slug, producerId);
        return Response.noContent().build();
    }

    static JsonObject json(Podcast podcast) {
        var members = Json.createArrayBuilder().add(person(podcast.owner(), ShowMember.Role.OWNER).add("status", "member"));
        podcast.members().forEach(member -> members.add(json(member)));
        return Json.createObjectBuilder().add("podcast", podcast.slug()).add("members", members).build();
    }

    static JsonObject json(ShowMember member) {
        var json = person(member.producer(), member.role()).add("status", member.isAccepted() ? "member" : "invited")
                .add("invitedAt", member.invitedAt().toString());
        member.acceptedAt().ifPresent(at -> json.add("acceptedAt", at.toString()));
        member.invitedBy().ifPresent(by -> json.add("invitedBy", by.name()));
        return json.build();
    }

    private static JsonObjectBuilder person(Producer producer, ShowMember.Role role) {
        return Json.createObjectBuilder().add("producerId", producer.id()).add("name", producer.name()).add("email", producer.email())
                .add("role", role.name().toLowerCase(Locale.ROOT));
    }
}
