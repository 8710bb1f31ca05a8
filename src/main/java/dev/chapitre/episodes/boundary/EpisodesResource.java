package dev.chapitre.episodes.boundary;

import dev.chapitre.episodes.boundary.ChapterInput;
import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.boundary.Uploads;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.boundary.PublicUrls;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

@Path("podcasts/{podcast}/episodes")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodesResource {

    @Inject
    Episodes episodes;

    @Inject
    Uploads uploads;

    @Inject
    PublicUrls urls;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response create(@PathParam("podcast") String podcast, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        try {
            episodes.requireShow(podcast);
        } catch (RuntimeException refusal) {
            uploads.refuseUnread(body, refusal);
        }
        try (var upload = uploads.episode(contentType, Optional.ofNullable(contentLength), body)) {
            var input = JsonInput.parseObject(upload.metadata());
            var chapters = input.has("chapters") && !input.json().isNull("chapters")
                    ? Optional.of(ChapterInput.fromEpisodeJson(input.json().get("chapters")))
                    : Optional.<List<Chapter>>empty();
            var episode = episodes.create(podcast, EpisodeJson.fields(input, true), chapters, upload.audio());
            var location = URI.create(urls.of("/api/podcasts/" + podcast + "/episodes/" + episode.slug()));
            return withEtag(Response.created(location), episode);
        }
    }

    @GET
    public JsonArray all(@PathParam("podcast") String podcast) {
        var list = Json.createArrayBuilder();
        episodes.of(podcast).forEach(e -> list.add(EpisodeJson.of(e, urls)));
        return list.build();
    }

    @GET
    @Path("{episode}")
    public Response one(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return withEtag(Response.ok(), episodes.owned(podcast, episode));
    }

    @PATCH
    @Path("{episode}")
    @Consumes({"application/merge-patch+json", MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        var patched = episodes.patch(podcast, episode, JsonInput.parseObject(body).json(), Optional.ofNullable(ifMatch));
        return withEtag(Response.ok(), patched);
    }

    @DELETE
    @Path("{episode}")
    public Response delete(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        episodes.delete(podcast, episode, Optional.ofNullable(ifMatch));
        return Response.noContent().build();
    }

    @PUT
    @Path("{episode}/audio")
    @Consumes({"audio/mpeg", "audio/mp3"})
    public Response replaceAudio(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @QueryParam("dropChapters") boolean dropChapters,
                                 @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        try {
            episodes.owned(podcast, episode);
        } catch (RuntimeException refusal) {
            uploads.refuseUnread(body, refusal);
        }
        try (var staged = uploads.audio(body, Optional.ofNullable(contentLength))) {
            return withEtag(Response.ok(), episodes.replaceAudio(podcast, episode, staged, Optional.ofNullable(ifMatch), dropChapters));
        }
    }

    private Response withEtag(Response.ResponseBuilder response, Episode episode) {
        return response.tag(EntityTag.valueOf(episode.etag())).entity(EpisodeJson.of(episode, urls)).build();
    }
}
