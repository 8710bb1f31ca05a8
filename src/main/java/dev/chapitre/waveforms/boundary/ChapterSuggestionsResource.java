package dev.chapitre.waveforms.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Chapter starts proposed at the longest pauses, beside the saved chapters: never saved by this
 * resource; the producer accepts them one by one in the editor (or PUTs the chapters).
 */
@Path("podcasts/{podcast}/episodes/{episode}/chapters/suggestions")
public class ChapterSuggestionsResource {

    @Inject
    Waveforms waveforms;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response suggestions(@PathParam("podcast") String podcast, @PathParam("episode") String episode) {
        return waveforms.suggestions(podcast, episode)
                .map(found -> Response.ok(WaveformResources.suggestions(found)).build())
                .orElseGet(WaveformResources::computing);
    }
}
