package dev.chapitre.security.boundary;

import dev.chapitre.platform.boundary.ClientAddress;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.security.control.Caller;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The signed-in producer's own account: who they are, and their password. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Caller caller;

    @Inject
    Producers producers;

    @Inject
    ClientAddress clients;

    @Context
    HttpServletRequest request;

    @GET
    public JsonObject me() {
        var producer = caller.producer();
        return Json.createObjectBuilder().add("id", producer.id()).add("email", producer.email()).add("name", producer.name())
                .add("admin", producer.isAdmin()).build();
    }

    /** {@code {"currentPassword": "…", "newPassword": "…"}} → 204; the studio session it came from stays signed in. */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(String body) {
        var input = JsonInput.parseObject(body);
        producers.changeOwnPassword(input.string("currentPassword").orElse(null), input.string("newPassword").orElse(null),
                clients.networkOf(request), ProducerAuthentication.sessionSecretOf(request));
        return Response.noContent().build();
    }
}
