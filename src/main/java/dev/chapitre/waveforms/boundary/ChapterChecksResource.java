package dev.chapitre.waveforms.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.platform.boundary.ReadersLanguage;
import dev.chapitre.waveforms.control.ChapterChecks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * What listening apps make of the chapters, as warnings: {@code GET} for the saved chapters,
 * {@code POST} the editor's unsaved ones (Podcasting 2.0 JSON, as for {@code PUT …/chapters}) to
 * check them as they are being marked. Nothing is saved. Each warning has a {@code code} for
 * programs and a {@code message} in French or English, by {@code Accept-Language}.
 */
@Path("podcasts/{podcast}/episodes/{episode}/chapters/checks")
@Produces(MediaType.APPLICATION_JSON)
public class ChapterChecksResource {

    @Inject
    Waveforms waveforms;

    @Context
    HttpHeaders headers;

    @GET
    public Response saved(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return inTheirLanguage(waveforms.checks(podcast, episode, Optional.empty()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ChapterJson.MEDIA_TYPE})
    public Response draft(@PathParam("podcast") String podcast, @PathParam("episode") String episode, String body) {
        return inTheirLanguage(waveforms.checks(podcast, episode, Optional.of(ChapterJson.read(body))));
    }

    /** The messages in French when the client prefers it (the studio says its own language), else English. */
    private Response inTheirLanguage(List<ChapterChecks.Check> checks) {
        var language = ReadersLanguage.of(headers);
        return ReadersLanguage.said(Response.ok(WaveformResources.checks(checks, language)).build(), language);
    }
}
