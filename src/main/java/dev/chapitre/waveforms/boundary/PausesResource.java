package dev.chapitre.waveforms.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** The pauses found in the episode's audio: {@code [{"start": s, "end": s}]}, in order. */
@Path("podcasts/{podcast}/episodes/{episode}/pauses")
public class PausesResource {

    @Inject
    Waveforms waveforms;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response pauses(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @Context Request request) {
        return WaveformResources.answer(waveforms.of(podcast, episode), request, "", WaveformResources::pauses, MediaType.APPLICATION_JSON);
    }
}
