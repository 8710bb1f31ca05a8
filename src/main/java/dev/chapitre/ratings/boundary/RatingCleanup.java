package dev.chapitre.ratings.boundary;

import dev.chapitre.episodes.boundary.EpisodeRemoval;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import dev.chapitre.ratings.entity.Rating;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Ratings go with what they rate, in the deleting transaction: a deleted episode's counted
 * ratings leave its show's average, and a deleted show takes all its ratings, totals and comment policy along.
 */
@ApplicationScoped
public class RatingCleanup {

    @PersistenceContext
    EntityManager em;

    void episodeRemoved(@Observes EpisodeRemoval removal) {
        var episode = removal.episode();
        long podcastId = episode.podcast().id();
        var show = Rating.target(podcastId, Optional.empty());
        // Locked first, as a submission or an approval locks them, so none slips in between the sum and the update.
        Ratings.lock(em, List.of(show, Rating.target(podcastId, Optional.of(episode.id()))));
        var counted = em.createQuery("SELECT COALESCE(SUM(r.stars), 0), COUNT(r) FROM Rating r WHERE r.episodeId = :episode AND "
                + Rating.State.COUNTED.condition("r"), Object[].class).setParameter("episode", episode.id()).getSingleResult();
        em.createQuery("UPDATE RatingTotal t SET t.starsSum = t.starsSum - :stars, t.ratingCount = t.ratingCount - :count "
                        + "WHERE t.target = :show")
                .setParameter("stars", ((Number) counted[0]).longValue()).setParameter("count", ((Number) counted[1]).longValue())
                .setParameter("show", show).executeUpdate();
        em.createQuery("DELETE FROM RatingTotal t WHERE t.target = :target")
                .setParameter("target", Rating.target(podcastId, Optional.of(episode.id()))).executeUpdate();
        em.createQuery("DELETE FROM Rating r WHERE r.episodeId = :episode").setParameter("episode", episode.id()).executeUpdate();
    }

    void showRemoved(@Observes PodcastRemoval removal) {
        long podcastId = removal.podcast().id();
        // Locked in the order a submission locks them, so a rating arriving meanwhile waits instead of deadlocking.
        Ratings.lock(em, em.createQuery("SELECT t.target FROM RatingTotal t WHERE t.podcastId = :podcast", String.class)
                .setParameter("podcast", podcastId).getResultList());
        em.createQuery("DELETE FROM RatingTotal t WHERE t.podcastId = :podcast").setParameter("podcast", podcastId).executeUpdate();
        em.createQuery("DELETE FROM Rating r WHERE r.podcastId = :podcast").setParameter("podcast", podcastId).executeUpdate();
        em.createQuery("DELETE FROM CommentPolicy p WHERE p.podcastId = :podcast").setParameter("podcast", podcastId).executeUpdate();
    }
}
