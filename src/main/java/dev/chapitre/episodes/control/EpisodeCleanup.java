package dev.chapitre.episodes.control;

import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.media.control.MediaCommits;
import dev.chapitre.podcasts.boundary.PodcastChanged;
import dev.chapitre.podcasts.boundary.PodcastRemoval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * What a show's episodes do when the show changes, in the show's transaction: deleted with it
 * (their audio and chapter images after the commit), or marked for re-tagging when the show's title, author or
 * artwork (which their tags carry) changed.
 */
@ApplicationScoped
public class EpisodeCleanup {

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaCommits media;

    void onRemoval(@Observes PodcastRemoval removal) {
        // Locked, so that the keys deleted are the current ones even with a re-tag switching one (see Episodes).
        em.createNamedQuery(Episode.OF_PODCAST, Episode.class).setParameter("podcast", removal.podcast())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().forEach(episode -> {
                    media.deleteOnCommit(episode.audio().key());
                    episode.chapterImageKeys().forEach(media::deleteOnCommit);
                    em.remove(episode);
                });
        em.flush();
    }

    void onChange(@Observes PodcastChanged change) {
        em.createNamedQuery(Episode.OF_PODCAST, Episode.class).setParameter("podcast", change.podcast())
                .getResultList().forEach(Episode::showChanged);
    }
}
