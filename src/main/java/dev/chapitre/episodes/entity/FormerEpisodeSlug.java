package dev.chapitre.episodes.entity;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.Slug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A slug an episode had before, within its show: its old page, MP3 and chapters addresses answer 301
 * to the current ones for as long as the episode exists. No other episode of the show may take it.
 */
@Entity
@Table(name = "episode_former_slug")
@IdClass(FormerEpisodeSlug.Key.class)
@NamedQuery(name = FormerEpisodeSlug.EPISODE, query = "SELECT f.episode FROM FormerEpisodeSlug f"
        + " WHERE f.podcastId = :podcast AND f.slug = :slug")
@NamedQuery(name = FormerEpisodeSlug.FORGET, query = "DELETE FROM FormerEpisodeSlug f WHERE f.podcastId = :podcast AND f.slug = :slug")
public class FormerEpisodeSlug {

    /** The episode of show {@code :podcast} (an id) that had {@code :slug}. */
    public static final String EPISODE = "FormerEpisodeSlug.episode";
    /** The slug is an episode's current one again. */
    public static final String FORGET = "FormerEpisodeSlug.forget";

    public static class Key implements Serializable {
        Long podcastId;
        String slug;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(podcastId, k.podcastId) && Objects.equals(slug, k.slug);
        }

        @Override
        public int hashCode() {
            return Objects.hash(podcastId, slug);
        }
    }

    @Id
    @Column(name = "podcast_id")
    private Long podcastId;

    @Id
    @Column(length = Slug.MAX_LENGTH)
    private String slug;

    @ManyToOne(optional = false)
    @JoinColumn(name = "episode_id", nullable = false)
    private Episode episode;

    @Column(nullable = false)
    private Instant createdAt;

    protected FormerEpisodeSlug() {
    }

    public FormerEpisodeSlug(String slug, Episode episode) {
        this.podcastId = episode.podcast().id();
        this.slug = slug;
        this.episode = episode;
        this.createdAt = InstantColumn.now();
    }
}
