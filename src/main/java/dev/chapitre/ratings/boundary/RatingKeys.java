package dev.chapitre.ratings.boundary;

import dev.chapitre.platform.entity.DatabaseRestored;
import dev.chapitre.ratings.control.ListenerKeys;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The platform's rating secret, created on first use and then kept in the database. Instances of
 * a cluster that start together may both find none: the row's fixed key lets one store it, and
 * the other reads that one, so a form made by one instance is accepted by every other.
 */
@Singleton
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RatingKeys {

    @Inject
    RatingSecrets secrets;

    private ListenerKeys keys;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void load() {
        keys = new ListenerKeys(secrets.stored().orElseGet(this::createOrReadTheOneCreatedMeanwhile));
    }

    private byte[] createOrReadTheOneCreatedMeanwhile() {
        try {
            return secrets.create();
        } catch (RuntimeException storedElsewhereFirst) {
            return secrets.stored().orElseThrow(() -> storedElsewhereFirst);
        }
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
