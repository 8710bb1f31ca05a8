package dev.chapitre.media.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;

/**
 * Keeps media files and database rows in step: a file that a rolled-back transaction referred to
 * is removed, and a replacement or deletion happens only once the new state is committed.
 */
@ApplicationScoped
public class MediaCommits {

    private static final Logger LOG = Logger.getLogger(MediaCommits.class.getName());

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    MediaStorage storage;

    /** For a new key: the file is in place before the commit, and removed again if it rolls back. */
    public void publishNow(StagedFile staged, String key) {
        try {
            storage.publish(staged, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        afterCompletion(committed -> {
            if (!committed) {
                storage.delete(key);
            }
        });
    }

    /** For a key in use: readers keep the old file until the new state is committed. */
    public void publishOnCommit(StagedFile staged, String key) {
        publishOnCommit(staged, key, () -> { });
    }

    /** As above, then {@code afterwards} (e.g. re-tag the new file) once the new file is in place. */
    public void publishOnCommit(StagedFile staged, String key, Runnable afterwards) {
        afterCompletion(committed -> {
            if (!committed) {
                return;
            }
            try {
                storage.publish(staged, key);
                afterwards.run();
            } catch (IOException e) {
                LOG.severe(() -> "Committed a new file for " + key + " but could not move it into place: " + e);
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
