package dev.chapitre.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/** An RFC 9457 problem detail. */
public record Problem(int status, String title, String detail, JsonArray errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    public JsonObject toJson() {
        var json = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            json.add("errors", errors);
        }
        return json.build();
    }

    /** For servlets and authentication mechanisms, which answer outside JAX-RS. */
    public void writeTo(HttpServletResponse response) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(toJson().toString());
    }

    public Response toResponse() {
        return Response.status(status).type(TYPE).entity(toJson().toString()).build();
    }
}
