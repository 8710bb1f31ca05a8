package dev.chapitre.downloads.boundary;

import dev.chapitre.downloads.control.StatsCsv;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An episode's download statistics, as {@link StatsResource} for a show. */
@Path("podcasts/{podcast}/episodes/{episode}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class EpisodeStatsResource {

    @Inject
    DownloadStats stats;

    @GET
    public JsonObject episode(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        var range = StatsResource.Range.of(from, to);
        return StatsResource.json(stats.ofEpisode(podcast, episode, range.from(), range.to()));
    }

    @GET
    @Path("days.csv")
    @Produces(StatsCsv.MEDIA_TYPE)
    public Response days(@PathParam("podcast") String podcast, @PathParam("episode") String episode,
                         @QueryParam("from") String from, @QueryParam("to") String to) {
        var range = StatsResource.Range.of(from, to);
        return StatsResource.csv(StatsCsv.days(range.series(stats.ofEpisode(podcast, episode, range.from(), range.to()))),
                podcast + "-" + episode + "-downloads.csv");
    }
}
