package dev.chapitre.imports.boundary;

import dev.chapitre.imports.entity.ImportJob;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.boundary.ReadersLanguage;
import dev.chapitre.platform.control.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/imports}: move a show in from its feed at another host. The preview and the report
 * are worded in the reader's language (French or English, by {@code Accept-Language}).
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {

    static final Set<String> FIELDS = Set.of("feedUrl", "preview");

    @Inject
    Imports imports;

    @Inject
    PublicUrls urls;

    @Context
    HttpHeaders headers;

    /** {@code {"feedUrl": "…", "preview": true}} answers what would be imported; without preview, 202 and the job. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(String body) {
        var input = JsonInput.parseObject(body);
        var unknown = new TreeSet<>(input.json().keySet());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("imports.unknownFields", String.join(", ", unknown));
        }
        var feedUrl = input.string("feedUrl").filter(url -> !url.isBlank())
                .orElseThrow(() -> ProblemException.unprocessable("imports.feedUrl.required").about("feedUrl"));
        var locale = ReadersLanguage.of(headers);
        if (input.bool("preview").orElse(false)) {
            return ReadersLanguage.said(Response.ok(imports.preview(feedUrl, locale)).build(), locale);
        }
        var job = imports.start(feedUrl);
        return ReadersLanguage.said(Response.accepted(ImportJson.of(job, List.of(), urls.base(), locale))
                .location(URI.create(urls.of("/api/imports/" + job.id()))).build(), locale);
    }

    @GET
    public JsonArray mine() {
        var list = Json.createArrayBuilder();
        imports.mine().forEach(job -> list.add(Json.createObjectBuilder().add("id", job.id()).add("feedUrl", job.feedUrl())
                .add("state", job.state().json()).add("createdAt", job.createdAt().toString())));
        return list.build();
    }

    @GET
    @Path("{id}")
    public Response one(@PathParam("id") String id) {
        var job = imports.owned(id);
        return report(job);
    }

    @DELETE
    @Path("{id}")
    public Response cancel(@PathParam("id") String id) {
        var job = imports.cancel(id);
        return report(job);
    }

    /** The job and its report, in the reader's language. */
    private Response report(ImportJob job) {
        var locale = ReadersLanguage.of(headers);
        return ReadersLanguage.said(Response.ok(ImportJson.of(job, imports.items(job), urls.base(), locale)).build(), locale);
    }
}
