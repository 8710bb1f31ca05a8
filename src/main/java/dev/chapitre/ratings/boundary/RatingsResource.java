package dev.chapitre.ratings.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.ratings.entity.Rating;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A producer's view of the ratings of a show: {@code ?episode=} narrows to one episode, {@code ?state=} to one state. */
@Path("podcasts/{podcast}/ratings")
@Produces(MediaType.APPLICATION_JSON)
public class RatingsResource {

    @Inject
    Ratings ratings;

    @GET
    public JsonObject list(@PathParam("podcast") String podcast, @QueryParam("episode") String episode,
                           @QueryParam("state") String state) {
        var filter = Optional.ofNullable(episode).filter(slug -> !slug.isBlank());
        var summary = ratings.ofOwned(podcast, filter);
        var slugs = ratings.episodeSlugs(podcast);
        var list = Json.createArrayBuilder();
        ratings.list(podcast, filter, state(state)).forEach(rating -> list.add(json(rating, slugs)));
        return Json.createObjectBuilder().add("average", summary.average()).add("count", summary.count())
                .add("held", ratings.held(podcast, filter)).add("ratings", list).build();
    }

    /** JSON only: a cross-site form cannot send it, so a browser holding a producer's credentials cannot be made to hide ratings. */
    @POST
    @Path("{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject hide(@PathParam("podcast") String podcast, @PathParam("id") long id) {
        return json(ratings.hide(podcast, id), ratings.episodeSlugs(podcast));
    }

    /** JSON only, like hiding. */
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject approve(@PathParam("podcast") String podcast, @PathParam("id") long id) {
        return json(ratings.approve(podcast, id), ratings.episodeSlugs(podcast));
    }

    private static Optional<Rating.State> state(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        for (var state : Rating.State.values()) {
            if (state.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(state);
            }
        }
        throw ProblemException.unprocessable("ratings.state.rating", name);
    }

    private static JsonObject json(Rating rating, Map<Long, String> episodeSlugs) {
        var json = Json.createObjectBuilder().add("id", rating.id()).add("stars", rating.stars());
        rating.comment().ifPresentOrElse(comment -> json.add("comment", comment), () -> json.addNull("comment"));
        rating.episodeId().map(episodeSlugs::get).ifPresentOrElse(slug -> json.add("episode", slug), () -> json.addNull("episode"));
        return json.add("createdAt", rating.createdAt().toString()).add("state", rating.state().name().toLowerCase(Locale.ROOT))
                .add("hidden", rating.state() == Rating.State.HIDDEN).build();
    }
}
