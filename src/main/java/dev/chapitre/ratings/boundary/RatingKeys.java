package dev.chapitre.ratings.boundary;

import dev.chapitre.platform.entity.DatabaseRestored;
import dev.chapitre.ratings.control.ListenerKeys;
import dev.chapitre.ratings.entity.RatingSecret;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The platform's rating secret, created on first use and then kept in the database. */
@Singleton
@Lock(LockType.READ)
public class RatingKeys {

    @PersistenceContext
    EntityManager em;

    private ListenerKeys keys;

    @PostConstruct
    void load() {
        var stored = em.find(RatingSecret.class, RatingSecret.ID);
        if (stored == null) {
            stored = new RatingSecret(ListenerKeys.newSecret());
            em.persist(stored);
        }
        keys = new ListenerKeys(stored.secret());
    }

    /** A restore brought the archive's secret: listeners of the old installation keep their ratings. */
    @Lock(LockType.WRITE)
    public void reload(@Observes DatabaseRestored restored) {
        load();
    }

    public ListenerKeys keys() {
        return keys;
    }
}
