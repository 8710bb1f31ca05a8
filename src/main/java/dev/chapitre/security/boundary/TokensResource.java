package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.security.entity.ApiToken;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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

@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Tokens tokens;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response issue(String body) {
        var label = body == null || body.isBlank() ? null : JsonInput.parseObject(body).string("label").orElse(null);
        var issued = tokens.issue(label);
        var json = describe(issued.token()).add("token", issued.secret()).build();
        return Response.status(Response.Status.CREATED).entity(json).build();
    }

    @GET
    public JsonArray mine() {
        var list = Json.createArrayBuilder();
        tokens.mine().forEach(token -> list.add(describe(token)));
        return list.build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }

    static JsonObjectBuilder describe(ApiToken token) {
        var json = Json.createObjectBuilder()
                .add("id", token.id())
                .add("createdAt", token.createdAt().toString());
        if (token.label() != null) {
            json.add("label", token.label());
        }
        return json;
    }

}
