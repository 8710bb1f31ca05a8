package dev.chapitre.backups.entity;

/**
 * An archive that cannot be restored (truncated, corrupt, not ours, or made by a newer release).
 * Found before anything is written; answered once as a 422 problem (UnusableArchiveMapper).
 */
public class UnusableArchive extends RuntimeException {

    public UnusableArchive(String reason) {
        super(reason);
    }
}
