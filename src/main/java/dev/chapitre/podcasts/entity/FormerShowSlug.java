package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.Slug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A slug a show had before: its old addresses (feed, pages, media, chapters) answer 301 to the
 * current ones for as long as the show exists, so that subscribed apps and shared links keep
 * working. No other show may take it.
 */
@Entity
@Table(name = "podcast_former_slug")
@NamedQuery(name = FormerShowSlug.SHOW, query = "SELECT f.podcast FROM FormerShowSlug f WHERE f.slug = :slug")
@NamedQuery(name = FormerShowSlug.FORGET, query = "DELETE FROM FormerShowSlug f WHERE f.slug = :slug")
public class FormerShowSlug {

    /** The slug is a show's current one again. */
    public static final String FORGET = "FormerShowSlug.forget";

    /** The show that had {@code :slug}. */
    public static final String SHOW = "FormerShowSlug.show";

    @Id
    @Column(length = Slug.MAX_LENGTH)
    private String slug;

    @ManyToOne(optional = false)
    @JoinColumn(name = "podcast_id", nullable = false)
    private Podcast podcast;

    @Column(nullable = false)
    private Instant createdAt;

    protected FormerShowSlug() {
    }

    public FormerShowSlug(String slug, Podcast podcast) {
        this.slug = slug;
        this.podcast = podcast;
        this.createdAt = InstantColumn.now();
    }

    public Podcast podcast() {
        return podcast;
    }
}
