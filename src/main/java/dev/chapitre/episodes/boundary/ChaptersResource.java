package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterArt;
import dev.chapitre.chapters.control.ChapterFormat;
import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.control.ChapterText;
import dev.chapitre.media.boundary.Uploads;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Arrays;
import java.util.Optional;

/** Chapters as Podcasting 2.0 JSON or as mp4chaps text, chosen by Content-Type and Accept. */
@Path("podcasts/{podcast}/episodes/{episode}/chapters")
public class ChaptersResource {

    static final String TEXT = "text/plain;charset=utf-8";
    /** Without a preference in Accept, JSON wins (qs: the server's own preference). */
    static final String JSON_PREFERRED = "application/json;qs=1";
    static final String TEXT_SECOND = "text/plain;charset=utf-8;qs=0.5";

    @Inject
    Chapters chapters;

    @Inject
    ChapterImages images;

    @Inject
    Uploads uploads;

    @GET
    @Produces({JSON_PREFERRED, ChapterJson.MEDIA_TYPE})
    public Response json(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return asJson(chapters.of(podcast, episode));
    }

    @GET
    @Produces(TEXT_SECOND)
    public Response text(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return asText(chapters.of(podcast, episode));
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, ChapterJson.MEDIA_TYPE})
    @Produces({MediaType.APPLICATION_JSON, ChapterJson.MEDIA_TYPE})
    public Response replaceFromJson(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        var incoming = ChapterJson.read(body);
        return asJson(chapters.replace(podcast, episode, incoming, Optional.ofNullable(ifMatch)));
    }

    @PUT
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces({TEXT, MediaType.APPLICATION_JSON})
    public Response replaceFromText(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                    @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @HeaderParam(HttpHeaders.ACCEPT) String accept, String body) {
        var parsed = ChapterText.read(body);
        try {
            var saved = chapters.replace(podcast, episode, parsed.chapters(), Optional.ofNullable(ifMatch));
            return accept != null && accept.contains("json") ? asJson(saved) : asText(saved);
        } catch (InvalidInput invalid) {
            throw invalid.onLines(parsed.lines());
        }
    }

    /**
     * Chapters from another tool's format ({@code ?format=mp4chaps|youtube|audacity|json|shownotes};
     * shownotes reads the episode's own notes and needs no body). {@code ?preview=true} answers what
     * would be saved, without saving: the editor shows it before replacing. {@code text/plain} is
     * named: it is a type other sites' forms can send, taken only where an endpoint names it.
     */
    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON, ChapterJson.MEDIA_TYPE, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importChapters(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                   @QueryParam("format") String formatId, @QueryParam("preview") boolean preview,
                                   @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        var format = format(formatId);
        var parsed = format.read(format == ChapterFormat.SHOWNOTES ? chapters.notesAsText(podcast, episode) : body);
        try {
            if (preview) {
                return Response.ok(ChapterJson.document(chapters.preview(podcast, episode, parsed.chapters()), true).build().toString(),
                        MediaType.APPLICATION_JSON_TYPE).build();
            }
            return asJson(chapters.replace(podcast, episode, parsed.chapters(), Optional.ofNullable(ifMatch)));
        } catch (InvalidInput invalid) {
            throw invalid.onLines(parsed.lines());
        }
    }

    /** The chapters in another tool's format, as a file to download. */
    @GET
    @Path("export")
    public Response export(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                           @QueryParam("format") String formatId) {
        var format = format(formatId);
        var versioned = chapters.of(podcast, episode);
        var extension = format == ChapterFormat.JSON ? "json" : "txt";
        return Response.ok(format.write(versioned.chapters()), format.mediaType()).tag(EntityTag.valueOf(versioned.etag()))
                .header("Content-Disposition", "attachment; filename=\"" + episode + "-chapters-" + format.id() + "." + extension + "\"")
                .build();
    }

    /**
     * A chapter's own image (chapter {@code number} from 1), the JPEG or PNG as the body; answers the
     * chapters, whose {@code img} is now the image's public address, with their new ETag.
     */
    @PUT
    @Path("{number}/image")
    @Consumes({ChapterArt.JPEG, ChapterArt.PNG})
    @Produces(MediaType.APPLICATION_JSON)
    public Response replaceImage(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                 @PathParam("number") String number, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, InputStream body) {
        try {
            images.requireChapter(podcast, episode, number); // before reading the body: no upload for a chapter that is not there
        } catch (RuntimeException refusal) {
            uploads.refuseUnread(body, refusal);
        }
        try (var staged = uploads.chapterImage(body)) {
            var mediaType = MediaType.valueOf(type);
            return asJson(images.replace(podcast, episode, number, mediaType.getType() + "/" + mediaType.getSubtype(), staged,
                    Optional.ofNullable(ifMatch)));
        }
    }

    @DELETE
    @Path("{number}/image")
    @Produces(MediaType.APPLICATION_JSON)
    public Response removeImage(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                                @PathParam("number") String number, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return asJson(images.remove(podcast, episode, number, Optional.ofNullable(ifMatch)));
    }

    private static ChapterFormat format(String id) {
        return ChapterFormat.byId(id == null ? "" : id).orElseThrow(() -> ProblemException.badRequest("episodes.chapters.unknownFormat",
                String.valueOf(id), String.join(", ", Arrays.stream(ChapterFormat.values()).map(ChapterFormat::id).toList())));
    }

    private static Response asJson(Chapters.Versioned versioned) {
        return Response.ok(ChapterJson.document(versioned.chapters(), true).build().toString(), MediaType.APPLICATION_JSON_TYPE)
                .tag(EntityTag.valueOf(versioned.etag())).build();
    }

    private static Response asText(Chapters.Versioned versioned) {
        return Response.ok(ChapterText.write(versioned.chapters()), TEXT).tag(EntityTag.valueOf(versioned.etag())).build();
    }
}
