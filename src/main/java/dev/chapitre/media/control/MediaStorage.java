package dev.chapitre.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Media files addressed by key ("episodes/…mp3"). An upload is first staged beside the store and
 * then published by an atomic rename, so readers only ever see whole files.
 */
public interface MediaStorage {

    /** Streams {@code in} into a staging file; more than {@code maxBytes} → {@link TooLarge}. */
    StagedFile stage(InputStream in, long maxBytes) throws IOException;

    /** Atomically moves a staged file to {@code key}, replacing what was there. */
    void publish(StagedFile staged, String key) throws IOException;

    void delete(String key);

    boolean exists(String key);

    /** A local file for readers that need one (audio inspection, tagging). */
    Path localPath(String key);

    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
