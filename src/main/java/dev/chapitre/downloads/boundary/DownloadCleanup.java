package dev.chapitre.downloads.boundary;

import dev.chapitre.podcasts.boundary.PodcastRemoval;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deleted show takes its downloads along, in the transaction that deletes it: nothing could read
 * them any more (they are counted by the show's id). A download being recorded at that very moment
 * (on any instance: the recorder checks that its show exists, but its commit may follow the
 * deletion's) is removed by a second pass over the next minutes, on the instance that deleted it.
 * Nothing is locked for this: a show's row stays free for uploads, and counting never waits. A
 * deleted episode's downloads stay: they are part of its show's history.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DownloadCleanup {

    /** Longer than any recorder transaction or log batch; a straggler after it would need a stalled instance. */
    static final Duration STRAGGLERS = Duration.ofMinutes(5);

    @PersistenceContext
    EntityManager em;

    private final Map<Long, Instant> deletedShows = new ConcurrentHashMap<>();

    public void showRemoved(@Observes PodcastRemoval removal) {
        deleteDownloadsOf(removal.podcast().id());
    }

    public void showGone(@Observes(during = TransactionPhase.AFTER_SUCCESS) PodcastRemoval removal) {
        deletedShows.put(removal.podcast().id(), Instant.now());
    }

    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    public void removeStragglers() {
        var forgetBefore = Instant.now().minus(STRAGGLERS);
        deletedShows.forEach((id, deletedAt) -> deleteDownloadsOf(id));
        deletedShows.values().removeIf(deletedAt -> deletedAt.isBefore(forgetBefore));
    }

    private void deleteDownloadsOf(long podcastId) {
        em.createQuery("DELETE FROM Download d WHERE d.podcastId = :podcast").setParameter("podcast", podcastId).executeUpdate();
    }
}
