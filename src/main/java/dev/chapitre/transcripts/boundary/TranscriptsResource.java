package dev.chapitre.transcripts.boundary;

import dev.chapitre.platform.boundary.PublicUrls;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.RequestBodies;
import dev.chapitre.transcripts.control.TranscriptFiles;
import dev.chapitre.transcripts.control.TranscriptFormat;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * An episode's transcript: {@code PUT} the file as the body in any format producers' tools export
 * (the content decides the format, whatever the Content-Type says), {@code GET} it back as JSON cues
 * or in a format by {@code Accept} or {@code ?format=}, {@code DELETE} it.
 */
@Path("podcasts/{podcast}/episodes/{episode}/transcript")
public class TranscriptsResource {

    /** Three hours transcribed word by word in JSON is about 3 MiB. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final String JSON_PREFERRED = "application/json;qs=1";

    @Inject
    Transcripts transcripts;

    @Inject
    PublicUrls urls;

    @GET
    @Produces(JSON_PREFERRED)
    public Response json(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                         @QueryParam("format") String format) {
        return answer(podcast, episode, Optional.ofNullable(format).map(TranscriptsResource::format));
    }

    @GET
    @Produces("text/vtt;qs=0.5")
    public Response vtt(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @QueryParam("format") String format) {
        return answer(podcast, episode, Optional.of(formatOr(format, TranscriptFormat.VTT)));
    }

    @GET
    @Produces({"application/x-subrip;qs=0.5", "application/srt;qs=0.5"})
    public Response srt(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @QueryParam("format") String format) {
        return answer(podcast, episode, Optional.of(formatOr(format, TranscriptFormat.SRT)));
    }

    @GET
    @Produces("text/plain;qs=0.5")
    public Response text(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @QueryParam("format") String format) {
        return answer(podcast, episode, Optional.of(formatOr(format, TranscriptFormat.TEXT)));
    }

    /**
     * {@code text/plain} and the wildcard are named: a browser's file upload sends what the file's
     * extension suggests, and the content decides anyway. {@code ?language=} (or Content-Language)
     * says what the transcript is in; without it, the language it had, else the show's.
     */
    @PUT
    @Consumes({"text/vtt", "application/x-subrip", "application/srt", "text/srt", MediaType.APPLICATION_JSON,
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Produces(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                            @QueryParam("language") String language, @HeaderParam(HttpHeaders.CONTENT_LANGUAGE) String contentLanguage,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch, InputStream body) {
        var parsed = TranscriptFiles.read(bytes(body));
        var replaced = transcripts.replace(podcast, episode, parsed,
                Optional.ofNullable(language).or(() -> Optional.ofNullable(contentLanguage)), Optional.ofNullable(ifMatch),
                "*".equals(Optional.ofNullable(ifNoneMatch).map(String::strip).orElse("")));
        var stored = replaced.transcript();
        return Response.status(replaced.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(TranscriptApiJson.of(stored, podcast, episode, urls).toString()).type(MediaType.APPLICATION_JSON_TYPE)
                .tag(EntityTag.valueOf(stored.etag())).build();
    }

    @DELETE
    public Response delete(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        transcripts.delete(podcast, episode, Optional.ofNullable(ifMatch));
        return Response.noContent().build();
    }

    /** A title for each chapter from the first words said after its start: drafts the editor offers. */
    @GET
    @Path("chapter-titles")
    @Produces(MediaType.APPLICATION_JSON)
    public Response chapterTitles(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return Response.ok(TranscriptApiJson.chapterTitles(transcripts.chapterTitles(podcast, episode)).toString(),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response answer(String podcast, String episode, Optional<TranscriptFormat> format) {
        var stored = transcripts.of(podcast, episode).orElseThrow(() -> ProblemException.notFound("transcripts.notFound", episode, podcast));
        var response = format.isPresent()
                ? Response.ok(format.get().write(stored.cues()), format.get().mediaType() + ";charset=utf-8")
                : Response.ok(TranscriptApiJson.of(stored, podcast, episode, urls).toString(), MediaType.APPLICATION_JSON_TYPE);
        return response.tag(EntityTag.valueOf(stored.etag())).header(HttpHeaders.CONTENT_LANGUAGE, stored.language()).build();
    }

    /** {@code ?format=} wins over {@code Accept}: a link can name the file it wants. */
    private static TranscriptFormat formatOr(String id, TranscriptFormat accepted) {
        return id == null ? accepted : format(id);
    }

    private static TranscriptFormat format(String id) {
        return TranscriptFormat.byId(id).orElseThrow(() -> ProblemException.badRequest("transcripts.format.unknown", id,
                String.join(", ", Arrays.stream(TranscriptFormat.values()).map(TranscriptFormat::id).toList())));
    }

    private static byte[] bytes(InputStream body) {
        try (body) {
            var out = new ByteArrayOutputStream();
            var buffer = new byte[64 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                if (out.size() + n > MAX_BYTES) {
                    RequestBodies.drain(body);
                    throw ProblemException.tooLarge("transcripts.tooLarge", MAX_BYTES / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException brokenOff) {
            throw ProblemException.badRequest("transcripts.upload.brokeOff");
        }
    }
}
