package dev.chapitre.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Media files addressed by key ("episodes/…mp3"), on the local file system or in an S3-compatible
 * bucket. Readers only ever see whole files: an upload is staged first and then published under a
 * key, and a new version of a file (a re-tag) is written whole under a key of its own, which the
 * database then switches to. A key is written once and never rewritten.
 */
public interface MediaStorage {

    /** What a key looks like: a folder, then names; no segment starts with a dot (no "." or ".."). */
    Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-zA-Z0-9_-][a-zA-Z0-9._-]*)+");

    /**
     * Streams {@code in} into a staged upload, bounded in memory and on this machine's disk; more
     * than {@code maxBytes} → {@link TooLarge}, and nothing of it is kept.
     */
    StagedFile stage(InputStream in, long maxBytes) throws IOException;

    /** Moves a staged upload to {@code key}, where no file is yet. */
    void publish(StagedFile staged, String key) throws IOException;

    /**
     * Writes a new file at {@code key} (where no file is yet): {@code head}, then the bytes of the
     * file at {@code source} from {@code from} on (a new ID3 tag before the audio of the current
     * version). Whole or not at all. Answers the new file's length.
     */
    long prepend(String key, byte[] head, String source, long from) throws IOException;

    /** The file at {@code key} as it is now, or empty. */
    Optional<Version> version(String key) throws IOException;

    /**
     * Up to {@code count} bytes from {@code first} (fewer at the end of the file).
     * No file at {@code key} → {@link NoSuchFileException}.
     */
    InputStream read(String key, long first, long count) throws IOException;

    void delete(String key);

    /** Every published file (neither staged uploads nor unfinished writes), with the time it was written. */
    List<Stored> stored() throws IOException;

    /**
     * How long a version must stay after the database stopped naming it: a reader that started on
     * it (a download, a cached lookup) finishes first.
     */
    Duration retention();

    /** A local folder for temporary files, emptied at start; on a file system, the one renames are atomic from. */
    Path stagingArea();

    /**
     * The file itself, where media is on this machine's file system (hard links into the published
     * tree, sendfile); empty for object storage, whose files are read with {@link #read} or through
     * {@link #presignedGet}.
     */
    Optional<Path> localFile(String key);

    /** The folder holding every local file, where media is on this machine's file system. */
    Optional<Path> localFolder();

    /**
     * A short-lived address from which a web server in front may fetch the file (with Range), for
     * object storage; empty on a file system.
     */
    Optional<URI> presignedGet(String key, String contentType);

    /** Whether new files can be written now (readiness): the folder is writable, the bucket answers. */
    boolean writable();

    /** Where the media are, for the admin: the folder, or the bucket and its endpoint. */
    String location();

    /** A file version: its length and modification time (they change whenever the file does). */
    record Version(long length, long modifiedMillis) {
    }

    record Stored(String key, Instant modified) {
    }

    /** Checks a key before it names a path or an object. */
    static String checked(String key) {
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        return key;
    }

    /** The storage itself failed (a bucket that does not answer): the client may try again. */
    final class Unavailable extends IOException {
        public Unavailable(String message, Exception cause) {
            super(message, cause);
        }
    }

    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
