package dev.chapitre.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Media files addressed by key ("episodes/…mp3"). An upload is first staged beside the store and
 * then published by an atomic rename, so readers only ever see whole files.
 */
public interface MediaStorage {

    /** What a key looks like: a folder, then names; no segment starts with a dot (no "." or ".."). */
    java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[a-z0-9-]+(/[a-zA-Z0-9_-][a-zA-Z0-9._-]*)+");

    /** Streams {@code in} into a staging file; more than {@code maxBytes} → {@link TooLarge}. */
    StagedFile stage(InputStream in, long maxBytes) throws IOException;

    /** Atomically moves a staged file to {@code key}, replacing what was there. */
    void publish(StagedFile staged, String key) throws IOException;

    void delete(String key);

    /** What identifies the file at a key right now (it changes whenever the file is replaced). */
    java.util.Optional<Identity> identity(String key) throws IOException;

    /**
     * Replaces the file at {@code key} by {@code replacement} only if it is still the one identified
     * by {@code expected}: a re-tag never overwrites audio that was replaced meanwhile.
     */
    boolean replaceIfUnchanged(String key, Identity expected, Path replacement) throws IOException;

    /** Where files are prepared before they are renamed into place (same file system, emptied at start). */
    Path stagingArea();

    /** A file version: its inode (or equivalent), size and modification time. */
    record Identity(Object fileKey, long size, long modifiedMillis) {
    }

    /** Every published file (not the staging area), with the time it was last written. */
    java.util.List<Stored> stored() throws IOException;

    record Stored(String key, java.time.Instant modified) {
    }

    /** A local file for readers that need one (audio inspection, tagging). */
    Path localPath(String key);

    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
