package dev.chapitre.waveforms.boundary;

import dev.chapitre.waveforms.control.WaveformData;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/**
 * The episode's peaks in audiowaveform's layout: binary (10 ms per pixel, 8-bit; the editor resamples
 * it for every zoom) unless {@code Accept} prefers JSON.
 */
@Path("podcasts/{podcast}/episodes/{episode}/waveform")
public class WaveformResource {

    @Inject
    Waveforms waveforms;

    @GET
    @Produces({WaveformData.BINARY + ";qs=1", MediaType.APPLICATION_OCTET_STREAM + ";qs=0.9"})
    public Response binary(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @Context Request request) {
        return WaveformResources.answer(waveforms.of(podcast, episode), request, "b", WaveformResources::binary, WaveformData.BINARY);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";qs=0.5")
    public Response json(@PathParam("podcast") String podcast, @PathParam("episode") String episode, @Context Request request) {
        return WaveformResources.answer(waveforms.of(podcast, episode), request, "j", WaveformResources::json, MediaType.APPLICATION_JSON);
    }
}
