package dev.chapitre.media.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored file the database no longer names, and when it may be deleted. */
@Entity
@Table(name = "media_retirement")
@NamedQuery(name = RetiredMedia.DUE, query = "SELECT r.key FROM RetiredMedia r WHERE r.deleteAfter <= :now ORDER BY r.deleteAfter")
@NamedQuery(name = RetiredMedia.KEYS, query = "SELECT r.key FROM RetiredMedia r")
@NamedQuery(name = RetiredMedia.FORGET, query = "DELETE FROM RetiredMedia r WHERE r.key = :key")
public class RetiredMedia {

    public static final String DUE = "RetiredMedia.due";
    public static final String KEYS = "RetiredMedia.keys";
    public static final String FORGET = "RetiredMedia.forget";

    @Id
    @Column(name = "media_key", length = 200)
    private String key;
    @Column(name = "delete_after", nullable = false)
    private Instant deleteAfter;

    protected RetiredMedia() {
    }

    public RetiredMedia(String key, Instant deleteAfter) {
        this.key = key;
        this.deleteAfter = deleteAfter;
    }
}
