package dev.chapitre.downloads.boundary;

import dev.chapitre.podcasts.boundary.PodcastRemoval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * A deleted show takes its downloads along, in the transaction that deletes it: nothing could read
 * them any more (they are counted by the show's id). A deleted episode's downloads stay: they are
 * part of its show's history, and the studio says so before the episode is deleted.
 */
@ApplicationScoped
public class DownloadCleanup {

    @PersistenceContext
    EntityManager em;

    void showRemoved(@Observes PodcastRemoval removal) {
        // Downloads being recorded for this show hold its row shared (DownloadRecorder): wait for them, then take them too.
        em.lock(removal.podcast(), LockModeType.PESSIMISTIC_WRITE);
        em.createQuery("DELETE FROM Download d WHERE d.podcastId = :podcast")
                .setParameter("podcast", removal.podcast().id()).executeUpdate();
    }
}
