package dev.chapitre.media.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Brings the stored media (a folder or a bucket) in line with the rows that refer to it: a file no row refers to (a kill
 * between publishing a file and committing its row, a replaced version whose delayed removal never
 * ran) is removed once it is older than the grace period, which keeps files of uploads whose commit
 * is still under way; a referred key without its file is reported, never invented. A database that
 * names no file at all removes nothing: that is an installation waiting for its restore (its media
 * copied first) or one pointed at the wrong database, and neither should cost the media library.
 */
public final class MediaReconciliation {

    private static final Logger LOG = Logger.getLogger(MediaReconciliation.class.getName());

    /** What one pass found: the keys it removed and the referred keys that have no file. */
    public record Outcome(Set<String> removed, Set<String> missing) {
    }

    /**
     * The keys a pass must not remove: {@code named} by committed rows (reported when their file is
     * missing) and {@code kept} without being named (a commit under way, a replaced version waiting for
     * its deletion), whose file may already or not yet be gone without anything being lost.
     */
    public record References(Set<String> named, Set<String> kept) {

        public References {
            named = Set.copyOf(named);
            kept = Set.copyOf(kept);
        }

        public static References named(Set<String> named) {
            return new References(named, Set.of());
        }

        boolean protect(String key) {
            return named.contains(key) || kept.contains(key);
        }

        boolean none() {
            return named.isEmpty() && kept.isEmpty();
        }
    }

    private MediaReconciliation() {
    }

    /**
     * {@code referenced} must be read after the files were listed, hence a supplier: a file
     * published and committed meanwhile is then referred to, and one whose commit is still pending
     * is younger than {@code grace}.
     */
    public static Outcome reconcile(MediaStorage storage, java.util.function.Supplier<References> referenced, Duration grace,
                                    Instant now) throws IOException {
        List<MediaStorage.Stored> files = storage.stored();
        var keys = referenced.get();
        if (keys.none() && !files.isEmpty()) {
            LOG.warning(() -> files.size() + " media files, but the database names none: nothing removed (an installation "
                    + "waiting for its restore, or one pointed at the wrong database?).");
            return new Outcome(Set.of(), Set.of());
        }
        var removed = new TreeSet<String>();
        var present = new HashSet<String>();
        for (var file : files) {
            present.add(file.key());
            if (!keys.protect(file.key()) && file.modified().isBefore(now.minus(grace))) {
                storage.delete(file.key());
                removed.add(file.key());
            }
        }
        var missing = new TreeSet<String>();
        for (var key : keys.named()) {
            if (!present.contains(key) && storage.version(key).isEmpty()) { // published after the listing?
                missing.add(key);
            }
        }
        if (!removed.isEmpty()) {
            LOG.info(() -> "Removed " + removed.size() + " media files that no row refers to: " + removed);
        }
        if (!missing.isEmpty()) {
            LOG.severe(() -> missing.size() + " media files that the database refers to are missing: " + missing);
        }
        return new Outcome(removed, missing);
    }
}
