package dev.chapitre.waveforms.boundary;

import dev.chapitre.chapters.control.ChapterJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;

/**
 * What listening apps make of the chapters, as warnings: {@code GET} for the saved chapters,
 * {@code POST} the editor's unsaved ones (Podcasting 2.0 JSON, as for {@code PUT …/chapters}) to
 * check them as they are being marked. Nothing is saved.
 */
@Path("podcasts/{podcast}/episodes/{episode}/chapters/checks")
@Produces(MediaType.APPLICATION_JSON)
public class ChapterChecksResource {

    @Inject
    Waveforms waveforms;

    @GET
    public JsonArray saved(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return WaveformResources.checks(waveforms.checks(podcast, episode, Optional.empty()));
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, ChapterJson.MEDIA_TYPE})
    public JsonArray draft(@PathParam("podcast") String podcast, @PathParam("episode") String episode, String body) {
        return WaveformResources.checks(waveforms.checks(podcast, episode, Optional.of(ChapterJson.read(body))));
    }
}
