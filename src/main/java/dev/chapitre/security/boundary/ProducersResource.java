package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.security.entity.Producer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

@Path("producers")
@Produces(MediaType.APPLICATION_JSON)
public class ProducersResource {

    @Inject
    Producers producers;

    @Inject
    PublicUrls urls;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        var input = JsonInput.parseObject(body);
        var producer = producers.add(input.string("email").orElse(null), input.string("password").orElse(null),
                input.string("name").orElse(null));
        return Response.created(URI.create(urls.of("/api/producers/" + producer.id()))).entity(describe(producer)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject one(@PathParam("id") long id) {
        return describe(producers.byId(id));
    }

    /** The admin resets a producer's password: {@code {"password": "…"}}. */
    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject resetPassword(@PathParam("id") long id, String body) {
        return describe(producers.resetPassword(id, JsonInput.parseObject(body).string("password").orElse(null)));
    }

    /** Who is signed in as this producer, and with which tokens: {@code {"sessions":[…],"tokens":[…]}}. */
    @GET
    @Path("{id}/access")
    public JsonObject access(@PathParam("id") long id) {
        var access = producers.access(id);
        var sessions = Json.createArrayBuilder();
        access.sessions().forEach(session -> sessions.add(Json.createObjectBuilder().add("createdAt", session.createdAt().toString())
                .add("expiresAt", session.expiresAt().toString())));
        var tokens = Json.createArrayBuilder();
        access.tokens().forEach(token -> tokens.add(TokensResource.describe(token)));
        return Json.createObjectBuilder().add("sessions", sessions).add("tokens", tokens).build();
    }

    @DELETE
    @Path("{id}/sessions")
    public Response endSessions(@PathParam("id") long id) {
        producers.endSessions(id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}/tokens/{token}")
    public Response revokeToken(@PathParam("id") long id, @PathParam("token") String token) {
        producers.revokeToken(id, token);
        return Response.noContent().build();
    }

    @GET
    public JsonArray all() {
        var list = Json.createArrayBuilder();
        producers.all().forEach(p -> list.add(describe(p)));
        return list.build();
    }

    static JsonObject describe(Producer producer) {
        return Json.createObjectBuilder()
                .add("id", producer.id())
                .add("email", producer.email())
                .add("name", producer.name())
                .add("admin", producer.isAdmin())
                .add("createdAt", producer.createdAt().toString())
                .build();
    }
}
