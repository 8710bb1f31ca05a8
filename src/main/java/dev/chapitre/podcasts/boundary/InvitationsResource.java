package dev.chapitre.podcasts.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The invitations to shows' teams that the signed-in producer has not answered yet. */
@Path("me/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    Teams teams;

    @GET
    public JsonArray mine() {
        var list = Json.createArrayBuilder();
        teams.invitations().forEach(member -> list.add(Json.createObjectBuilder(TeamResource.json(member))
                .add("podcast", member.podcast().slug()).add("title", member.podcast().title())));
        return list.build();
    }
}
