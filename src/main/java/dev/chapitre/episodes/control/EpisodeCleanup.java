package dev.chapitre.episodes.control;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** When a show is deleted, its episodes go in the same transaction and their audio after the commit. */
@ApplicationScoped
public class EpisodeCleanup {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits media;

    void onRemoval(@Observes PodcastRemoval removal) {
        em.createNamedQuery(Episode.OF_PODCAST, Episode.class).setParameter("podcast", removal.podcast())
                .getResultList().forEach(episode -> {
                    media.deleteOnCommit(episode.audio().key());
                    em.remove(episode);
                });
        em.flush();
    }
}
