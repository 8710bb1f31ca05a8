package dev.chapitre.media.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Keeps media files and database rows in step. Every new file gets a key of its own, never reused:
 * it is in place before the commit that refers to it and removed if that transaction rolls back,
 * so a committed row always finds its file; an old version or a deleted one goes only once the new
 * state is committed. A kill between the two leaves at worst a file no row refers to, which
 * {@link MediaReconciliation} removes at the next start.
 */
@ApplicationScoped
public class MediaCommits {

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Longer than any lookup cache (MediaDirectory keeps answers for 5 s). */
    static final Duration RETIRE_AFTER = Duration.ofMinutes(1);

    @Inject
    MediaStorage storage;

    @Resource
    ManagedScheduledExecutorService scheduler;

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
     * Keys published by transactions that have not ended yet: no row refers to them, but one will
     * if the transaction commits, so the reconciliation must leave them alone.
     */
    public Set<String> pending() {
        return Set.copyOf(pending);
    }

    /**
     * For a version the committed state no longer refers to (replaced audio or artwork): removed a
     * little later, once no cached lookup can still point to it (a download already under way keeps
     * its open file). If the process dies first, the start-up reconciliation removes it.
     */
    public void retireOnCommit(String key) {
        afterCompletion(committed -> {
            if (committed) {
                scheduler.schedule(() -> storage.delete(key), RETIRE_AFTER.toSeconds(), TimeUnit.SECONDS);
            }
        });
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
