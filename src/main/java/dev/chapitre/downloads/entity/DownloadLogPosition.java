package dev.chapitre.downloads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * How far one download log has been counted ({@link LogPosition}), saved with the downloads its
 * lines produced: a crash or a failed commit leaves both where they were.
 */
@Entity
@Table(name = "download_log_position")
public class DownloadLogPosition {

    @Id
    @Column(name = "log_path", length = 1000)
    private String log;
    @Column(name = "file_key", nullable = false, length = 200)
    private String fileKey;
    @Column(name = "head_hash", nullable = false, length = 64)
    private String headHash;
    @Column(name = "byte_offset", nullable = false)
    private long offset;
    @Column(nullable = false)
    private Instant savedAt;

    protected DownloadLogPosition() {
    }

    /** A log not read yet. */
    public DownloadLogPosition(String log) {
        this.log = log;
        moveTo(LogPosition.NONE);
    }

    public LogPosition position() {
        return new LogPosition(fileKey, headHash, offset, savedAt);
    }

    public void moveTo(LogPosition position) {
        this.fileKey = position.fileKey();
        this.headHash = position.headHash();
        this.offset = position.offset();
        this.savedAt = position.savedAt();
    }
}
