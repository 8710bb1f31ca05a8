package dev.chapitre.podcasts.boundary;

import dev.chapitre.media.boundary.Uploads;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.podcasts.entity.Podcast;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

@Path("podcasts")
@Produces(MediaType.APPLICATION_JSON)
public class PodcastsResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Podcasts podcasts;

    @Inject
    PublicUrls urls;

    @Inject
    Uploads uploads;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        var podcast = podcasts.create(PodcastJson.fields(JsonInput.parseObject(body)));
        return withEtag(Response.created(URI.create(urls.of("/api/podcasts/" + podcast.slug()))), podcast);
    }

    @GET
    public JsonArray mine() {
        var list = Json.createArrayBuilder();
        podcasts.mine().forEach(p -> list.add(PodcastJson.of(p, urls)));
        return list.build();
    }

    @GET
    @Path("{podcast}")
    public Response one(@PathParam("podcast") String slug) {
        return withEtag(Response.ok(), podcasts.editable(slug));
    }

    @PATCH
    @Path("{podcast}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("podcast") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        var podcast = podcasts.patch(slug, JsonInput.parseObject(body).json(), Optional.ofNullable(ifMatch));
        return withEtag(Response.ok(), podcast);
    }

    @DELETE
    @Path("{podcast}")
    public Response delete(@PathParam("podcast") String slug, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        podcasts.delete(slug, Optional.ofNullable(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("{podcast}/artwork")
    @Consumes({"image/jpeg", "image/png"})
    public Response artwork(@PathParam("podcast") String slug, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        try {
            podcasts.editable(slug); // before reading the body: a stranger's show is a 404, not an upload
        } catch (RuntimeException refusal) {
            uploads.refuseUnread(body, refusal);
        }
        try (var staged = uploads.artwork(body)) {
            var mediaType = MediaType.valueOf(type);
            var podcast = podcasts.replaceArtwork(slug, mediaType.getType() + "/" + mediaType.getSubtype(),
                    staged, Optional.ofNullable(ifMatch));
            return withEtag(Response.ok(), podcast);
        }
    }

    private Response withEtag(Response.ResponseBuilder response, Podcast podcast) {
        return response.tag(EntityTag.valueOf(podcast.etag())).entity(PodcastJson.of(podcast, urls)).build();
    }
}
