package dev.chapitre.ratings.boundary;

import dev.chapitre.episodes.boundary.Episodes;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.podcasts.boundary.Podcasts;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.ratings.entity.Rating;
import dev.chapitre.ratings.entity.RatingTotal;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Listeners rate (anyone may, through the form); producers read and hide. Each show and episode
 * has running totals updated in the same transaction as its ratings, so pages read one row, and
 * concurrent submissions add up exactly.
 */
@Stateless
@PermitAll
public class Ratings {

    /** Average stars and how many ratings, hidden ones left out. */
    public record Summary(double average, long count) {

        public static final Summary NONE = new Summary(0, 0);

        public boolean isEmpty() {
            return count == 0;
        }
    }

    /** A listener's submission; the episode is absent when the show itself is rated. */
    public record Submission(String podcast, Optional<String> episode, int stars, String comment, String visitorId,
                             String listenerHash) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Episodes episodes;


    /** Records a rating, or updates the listener's earlier one for the same target; 404 for an unknown or unpublished episode. */
    public Summary submit(Submission submission) {
        var podcast = publicShow(submission.podcast());
        var episode = submission.episode().map(slug -> publishedEpisode(podcast, slug));
        var target = Rating.target(podcast.id(), episode.map(Episode::id));
        // two lookups, each on its unique index (an OR of both would read every rating of the target)
        var earlier = earlier(target, "visitorId", submission.visitorId())
                .or(() -> earlier(target, "listenerHash", submission.listenerHash()));
        var targets = totalsOf(podcast.id(), episode.map(Episode::id));
        if (earlier.isPresent()) {
            var rating = earlier.get();
            int before = rating.stars();
            rating.change(submission.stars(), submission.comment());
            if (!rating.hidden()) {
                add(targets, rating.stars() - before, 0);
            }
        } else {
            em.persist(new Rating(podcast.id(), episode.map(Episode::id), submission.listenerHash(), submission.visitorId(),
                    submission.stars(), submission.comment()));
            add(targets, submission.stars(), 1);
        }
        em.flush(); // a concurrent twin of this submission fails here, inside the caller's retry
        return summary(targets.get(targets.size() - 1));
    }

    private Optional<Rating> earlier(String target, String identity, String value) {
        // locked: two quick changes by one listener must not both apply their delta to the totals
        return em.createQuery("SELECT r FROM Rating r WHERE r.target = :target AND r." + identity + " = :value", Rating.class)
                .setParameter("target", target).setParameter("value", value).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** The show's own ratings and its episodes'. */
    public Summary ofShow(long podcastId) {
        return summary(Rating.target(podcastId, Optional.empty()));
    }

    public Summary ofEpisode(long podcastId, long episodeId) {
        return summary(Rating.target(podcastId, Optional.of(episodeId)));
    }

    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Summary ofOwned(String podcast, Optional<String> episode) {
        var owned = podcasts.owned(podcast);
        return summary(Rating.target(owned.id(), episode.map(slug -> episodes.owned(podcast, slug).id())));
    }

    /** Every rating of a producer's show (or of one episode), hidden ones included, newest first. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public List<Rating> list(String podcast, Optional<String> episode) {
        var owned = podcasts.owned(podcast);
        var episodeId = episode.map(slug -> episodes.owned(podcast, slug).id());
        var query = em.createQuery("SELECT r FROM Rating r WHERE r.podcastId = :podcast"
                + (episodeId.isPresent() ? " AND r.episodeId = :episode" : "") + " ORDER BY r.updatedAt DESC, r.id DESC", Rating.class)
                .setParameter("podcast", owned.id());
        episodeId.ifPresent(id -> query.setParameter("episode", id));
        return query.getResultList();
    }

    /** Hides a rating from pages and averages (it stays listed for the producer). */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Rating hide(String podcast, long ratingId) {
        var owned = podcasts.owned(podcast);
        var rating = Optional.ofNullable(em.find(Rating.class, ratingId, LockModeType.PESSIMISTIC_WRITE)).filter(r -> r.podcastId() == owned.id())
                .orElseThrow(() -> ProblemException.notFound("Show '" + podcast + "' has no rating " + ratingId + "."));
        if (!rating.hidden()) {
            rating.hide();
            add(totalsOf(owned.id(), rating.episodeId()), -rating.stars(), -1);
        }
        return rating;
    }

    /** Slugs of the episodes that ratings point to, for the producer's list. */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public Map<Long, String> episodeSlugs(String podcast) {
        var owned = podcasts.owned(podcast);
        var slugs = new HashMap<Long, String>();
        em.createQuery("SELECT e.id, e.slug FROM Episode e WHERE e.podcast = :podcast", Object[].class)
                .setParameter("podcast", owned).getResultList().forEach(row -> slugs.put((Long) row[0], (String) row[1]));
        return slugs;
    }

    /** The targets whose totals a rating counts in: the show, and its episode when it rates one (that one last). */
    private List<String> totalsOf(long podcastId, Optional<Long> episodeId) {
        var targets = new ArrayList<String>();
        targets.add(Rating.target(podcastId, Optional.empty()));
        episodeId.ifPresent(id -> targets.add(Rating.target(podcastId, Optional.of(id))));
        for (var target : targets) {
            if (em.find(RatingTotal.class, target) == null) {
                em.persist(new RatingTotal(podcastId, target)); // a concurrent first rating makes one of the two retry
                em.flush();
            }
        }
        return targets;
    }

    /** Atomic increments: concurrent submissions queue on the row, none is lost. */
    private void add(List<String> targets, int stars, int count) {
        em.createQuery("UPDATE RatingTotal t SET t.starsSum = t.starsSum + :stars, t.ratingCount = t.ratingCount + :count "
                + "WHERE t.target IN :targets").setParameter("stars", (long) stars).setParameter("count", (long) count)
                .setParameter("targets", targets).executeUpdate();
    }

    /** Read from the database, not the persistence context (which a bulk update does not refresh). */
    private Summary summary(String target) {
        return em.createQuery("SELECT t.starsSum, t.ratingCount FROM RatingTotal t WHERE t.target = :target", Object[].class)
                .setParameter("target", target).getResultStream().findFirst()
                .filter(row -> ((Number) row[1]).longValue() > 0)
                .map(row -> new Summary(((Number) row[0]).doubleValue() / ((Number) row[1]).longValue(), ((Number) row[1]).longValue()))
                .orElse(Summary.NONE);
    }

    private Podcast publicShow(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("There is no show '" + slug + "'."));
    }

    private Episode publishedEpisode(Podcast podcast, String slug) {
        return em.createNamedQuery(Episode.BY_SLUG, Episode.class).setParameter("podcast", podcast).setParameter("slug", slug)
                .getResultStream().findFirst().filter(e -> e.status(Instant.now()) == Episode.Status.PUBLISHED)
                .orElseThrow(() -> ProblemException.notFound("Show '" + podcast.slug() + "' has no published episode '" + slug + "'."));
    }
}
