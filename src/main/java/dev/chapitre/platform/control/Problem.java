package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Violation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** An RFC 9457 problem detail. */
public record Problem(int status, String title, String detail, JsonArray errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType TYPE = MediaType.valueOf(MEDIA_TYPE);

    /**
     * Broken rules by field for programs, with the reason in {@code locale}'s language; a rule
     * broken by one item of a list (a chapter) also names its {@code index}, and its {@code line}
     * when the list was sent as text.
     */
    public static JsonArray errors(List<Violation> violations, Locale locale) {
        var errors = Json.createArrayBuilder();
        for (var v : violations) {
            var error = Json.createObjectBuilder();
            v.item().ifPresent(item -> {
                error.add("index", item.index());
                item.line().ifPresent(line -> error.add("line", line));
            });
            errors.add(error.add("field", v.field()).add("code", v.reason().key()).add("reason", v.reason().in(locale)));
        }
        return errors.build();
    }

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
