package dev.chapitre.ratings.boundary;

import dev.chapitre.platform.boundary.FormFields;
import dev.chapitre.platform.boundary.JsonInput;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.ratings.entity.CommentPolicy;
import dev.chapitre.ratings.entity.Rating;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The listener comments of a producer's show, to moderate: {@code ?state=awaiting} (the default) is
 * the review queue, {@code published} and {@code hidden} the others, newest first, by pages. The
 * changes are JSON-only POSTs and a DELETE, which a cross-site form cannot send.
 */
@Path("podcasts/{podcast}/comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentsResource {

    static final int MAX_PAGE = 100;

    @Inject
    Ratings ratings;

    @GET
    public JsonObject list(@PathParam("podcast") String podcast, @QueryParam("state") @DefaultValue("awaiting") String state,
                           @QueryParam("offset") @DefaultValue("0") String offsetParameter,
                           @QueryParam("limit") @DefaultValue("20") String limitParameter) {
        int offset = FormFields.wholeNumber(offsetParameter).filter(n -> n >= 0).orElseThrow(() ->
                ProblemException.unprocessable("ratings.offset", offsetParameter));
        int limit = FormFields.wholeNumber(limitParameter).filter(n -> n >= 1 && n <= MAX_PAGE).orElseThrow(() ->
                ProblemException.unprocessable("ratings.limit", MAX_PAGE, limitParameter));
        var slugs = ratings.episodeSlugs(podcast);
        var counts = Json.createObjectBuilder();
        ratings.commentCounts(podcast).forEach((s, count) -> counts.add(name(s), count));
        var list = Json.createArrayBuilder();
        ratings.comments(podcast, state(state), offset, limit).forEach(rating -> list.add(json(rating, slugs)));
        return Json.createObjectBuilder().add("counts", counts).add("comments", list).build();
    }

    @POST
    @Path("{id}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject publish(@PathParam("podcast") String podcast, @PathParam("id") long id) {
        return json(ratings.publishComment(podcast, id), ratings.episodeSlugs(podcast));
    }

    @POST
    @Path("{id}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject hide(@PathParam("podcast") String podcast, @PathParam("id") long id) {
        return json(ratings.hideComment(podcast, id), ratings.episodeSlugs(podcast));
    }

    /** The comment's words are erased; the rating (its stars) stays. */
    @DELETE
    @Path("{id}")
    public JsonObject delete(@PathParam("podcast") String podcast, @PathParam("id") long id) {
        var rating = ratings.deleteComment(podcast, id);
        return Json.createObjectBuilder().add("id", rating.id()).add("stars", rating.stars()).build();
    }

    @GET
    @Path("policy")
    public JsonObject policy(@PathParam("podcast") String podcast) {
        return json(ratings.commentPolicy(podcast));
    }

    /** {@code {"publishWithoutReview": true, "heldWords": ["arnaque", "promo code"]}}; the list may be left out (none). */
    @PUT
    @Path("policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject changePolicy(@PathParam("podcast") String podcast, String body) {
        var input = JsonInput.parseObject(body);
        var publish = input.bool("publishWithoutReview")
                .orElseThrow(() -> ProblemException.unprocessable("ratings.publishWithoutReview.required"));
        var words = input.strings("heldWords").orElse(List.of());
        try {
            return json(ratings.changeCommentPolicy(podcast, publish, words));
        } catch (EJBException concurrentFirstPolicy) { // two first settings of one show at once: the second finds the first's row
            return json(ratings.changeCommentPolicy(podcast, publish, words));
        }
    }

    private static JsonObject json(CommentPolicy policy) {
        return Json.createObjectBuilder().add("publishWithoutReview", policy.publishWithoutReview())
                .add("heldWords", Json.createArrayBuilder(policy.heldWords())).build();
    }

    static JsonObject json(Rating rating, Map<Long, String> episodeSlugs) {
        var json = Json.createObjectBuilder().add("id", rating.id()).add("stars", rating.stars())
                .add("comment", rating.comment().orElse(""))
                .add("state", rating.commentState().map(CommentsResource::name).orElse(""));
        rating.episodeId().map(episodeSlugs::get).ifPresentOrElse(slug -> json.add("episode", slug), () -> json.addNull("episode"));
        return json.add("ratingState", rating.state().name().toLowerCase(Locale.ROOT)).add("updatedAt", rating.updatedAt().toString())
                .build();
    }

    private static String name(Rating.CommentState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static Rating.CommentState state(String name) {
        for (var state : Rating.CommentState.values()) {
            if (name(state).equals(name.strip().toLowerCase(Locale.ROOT))) {
                return state;
            }
        }
        throw ProblemException.unprocessable("ratings.state.comment", name);
    }
}
