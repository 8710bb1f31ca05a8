package dev.chapitre.media.control;

import dev.chapitre.media.entity.RetiredMedia;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps media files and database rows in step. Every new file gets a key of its own, never reused:
 * it is in place before the commit that refers to it and removed if that transaction rolls back,
 * so a committed row always finds its file; a deleted one goes only once the new state is
 * committed, and a replaced version is listed in the same transaction ({@link RetiredMedia}) for
 * deletion once every reader that started on it is done. A kill between the two leaves at worst a
 * file no row refers to, which {@link MediaReconciliation} removes later.
 */
@ApplicationScoped
public class MediaCommits {

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    MediaStorage storage;

    @PersistenceContext
    EntityManager em;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Event<MediaRetired> retired;

    @Inject
    Clock clock;

    /** How long a replaced version stays; the storage's own default when not set (docs/operations.md). */
    @Inject
    @ConfigProperty(name = "CHAPITRE_MEDIA_RETENTION_SECONDS")
    Optional<Long> retentionSeconds;

    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /** A key no file ever had: {@code folder/<random UUID>.extension}. */
    public static String newKey(String folder, String extension) {
        return folder + "/" + UUID.randomUUID() + "." + extension;
    }

    /** For a new key: the file is in place before the commit, and removed again if it rolls back. */
    public void publishNow(StagedFile staged, String key) {
        pending.add(key);
        afterCompletion(committed -> {
            if (!committed) {
                storage.delete(key);
            }
            pending.remove(key);
        });
        try {
            storage.publish(staged, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A key written outside a transaction (a re-tag's new version, recorded afterwards by a
     * compare-and-set) is pending from before its first byte until {@link #release}, called once
     * the transaction that may name it has ended: until then the reconciliation leaves it alone.
     */
    public void hold(String key) {
        pending.add(key);
    }

    public void release(String key) {
        pending.remove(key);
    }

    /**
     * Keys published by transactions that have not ended yet: no row refers to them, but one will
     * if the transaction commits, so the reconciliation must leave them alone.
     */
    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    /**
     * For a version the committed state no longer refers to (replaced audio or artwork, a re-tagged
     * MP3's previous key): listed in the caller's transaction for deletion after the retention, once
     * no cached lookup can still point to it and downloads that started on it are over.
     */
    public void retireOnCommit(String key) {
        var retention = retention();
        em.persist(new RetiredMedia(key, clock.instant().plus(retention)));
        retired.fire(new MediaRetired(key));
        // On time while this instance lives; the row is for a restart or another instance (RetiredMediaSweep).
        afterCompletion(committed -> {
            if (committed) {
                scheduler.schedule(() -> storage.delete(key), retention.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    public Duration retention() {
        return retentionSeconds.map(Duration::ofSeconds).orElseGet(storage::retention);
    }

    /** Keys waiting for their deletion: no row names them, but they are no orphans either. */
    public Set<String> retiring() {
        return Set.copyOf(em.createNamedQuery(RetiredMedia.KEYS, String.class).getResultList());
    }

    public void deleteOnCommit(String key) {
        afterCompletion(committed -> {
            if (committed) {
                storage.delete(key);
            }
        });
    }

    private void afterCompletion(java.util.function.Consumer<Boolean> action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status == Status.STATUS_COMMITTED);
            }
        });
    }
}
