package dev.chapitre.downloads.entity;

import java.time.Instant;

/**
 * How far the download log has been consumed: which file (its inode as the file system names it,
 * and a hash of its first line, since a deleted file's inode is soon given to a new one) and the
 * byte after the last complete line counted. Stored with the downloads those lines produced.
 */
public record LogPosition(String fileKey, String headHash, long offset, Instant savedAt) {

    /** Nothing consumed yet: the log is read from the start of the file it names. */
    public static final LogPosition NONE = new LogPosition("", "", 0, Instant.EPOCH);

    public boolean isNone() {
        return fileKey.isEmpty() && headHash.isEmpty() && offset == 0;
    }

    /** The same byte of the same file, whenever it was saved. */
    public boolean sameSpot(LogPosition other) {
        return fileKey.equals(other.fileKey) && headHash.equals(other.headHash) && offset == other.offset;
    }

    public boolean isIn(String key, String head) {
        return fileKey.equals(key) && (headHash.isEmpty() || headHash.equals(head));
    }
}
