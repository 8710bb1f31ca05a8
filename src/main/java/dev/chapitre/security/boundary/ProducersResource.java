package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.security.entity.Producer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
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
