package dev.chapitre.media.boundary;

import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.media.entity.RetiredMedia;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes the retired versions that are due ({@link RetiredMedia}), on every instance: the file
 * first, then its row, so a kill in between only means deleting it again next time.
 */
@Startup
@DependsOn("SchemaMigrations")
@Singleton
public class RetiredMediaSweep {

    private static final Logger LOG = Logger.getLogger(RetiredMediaSweep.class.getName());
    private static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    MediaStorage storage;

    @Inject
    Clock clock;

    /** At start too: what came due while no instance ran goes before anyone counts the files. */
    @PostConstruct
    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void sweep() {
        try {
            var due = em.createNamedQuery(RetiredMedia.DUE, String.class).setParameter("now", clock.instant())
                    .setMaxResults(BATCH).getResultList();
            for (var key : due) {
                storage.delete(key);
                em.createNamedQuery(RetiredMedia.FORGET).setParameter("key", key).executeUpdate();
            }
            if (!due.isEmpty()) {
                LOG.fine(() -> "Deleted " + due.size() + " retired media versions");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not delete the retired media versions; trying again shortly", e);
        }
    }
}
