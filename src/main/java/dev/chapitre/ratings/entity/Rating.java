package dev.chapitre.ratings.entity;

import dev.chapitre.platform.control.Violations;
import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Optional;

/**
 * One listener's stars (1–5) and optional comment for a show or one of its episodes. The comment
 * is kept as plain text (escaped wherever it is shown). {@code target} names what is rated
 * ("show:12", "episode:34") so that a listener has at most one rating per target, enforced by
 * the database as well.
 */
@Entity
@Table(name = "rating", uniqueConstraints = {
        @UniqueConstraint(name = "rating_target_listener", columnNames = {"target", "listenerHash"}),
        @UniqueConstraint(name = "rating_target_visitor", columnNames = {"target", "visitorId"})},
        indexes = @Index(name = "rating_podcast", columnList = "podcastId, hidden"))
public class Rating {

    public static final int MAX_COMMENT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long podcastId;
    private Long episodeId;
    @Column(nullable = false, length = 40)
    private String target;
    @Column(nullable = false, length = 64)
    private String listenerHash;
    @Column(nullable = false, length = 64)
    private String visitorId;
    @Column(nullable = false)
    private int stars;
    @Column(length = 2 * MAX_COMMENT) // the limit counts characters; the column UTF-16 units (an emoji is two)
    private String comment;
    @Column(nullable = false)
    private boolean hidden;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;


    protected Rating() {
    }

    public Rating(long podcastId, Optional<Long> episodeId, String listenerHash, String visitorId, int stars, String comment) {
        this.podcastId = podcastId;
        this.episodeId = episodeId.orElse(null);
        this.target = target(podcastId, episodeId);
        this.listenerHash = listenerHash;
        this.visitorId = visitorId;
        this.createdAt = InstantColumn.now();
        change(stars, comment);
    }

    /** What a rating is of: the show, or one episode. */
    public static String target(long podcastId, Optional<Long> episodeId) {
        return episodeId.map(id -> "episode:" + id).orElse("show:" + podcastId);
    }

    public static void check(Integer stars, String comment, Violations violations) {
        if (stars == null) {
            violations.add("stars", "is required: choose from 1 to 5 stars");
        } else if (stars < 1 || stars > 5) {
            violations.add("stars", "must be from 1 to 5 (got " + stars + ")");
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            violations.add("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        violations.xmlText("comment", comment);
    }

    /** Line breaks as one character, whatever the browser sent (forms send CRLF). */
    public static String normalized(String comment) {
        return comment == null ? null : comment.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A new submission by the same listener replaces the earlier one. */
    public void change(int stars, String comment) {
        var text = normalized(comment);
        var violations = new Violations();
        check(stars, text, violations);
        violations.throwIfAny("The rating is not valid");
        this.stars = stars;
        this.comment = text == null || text.isBlank() ? null : text.strip();
        this.updatedAt = InstantColumn.now();
    }

    public void hide() {
        this.hidden = true;
    }

    public Long id() {
        return id;
    }

    public long podcastId() {
        return podcastId;
    }

    public Optional<Long> episodeId() {
        return Optional.ofNullable(episodeId);
    }

    public int stars() {
        return stars;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public boolean hidden() {
        return hidden;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
