package dev.chapitre.ratings.entity;

import dev.chapitre.platform.entity.Violations;
import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One listener's stars (1–5) and optional comment for a show or one of its episodes. The comment
 * is kept as plain text (escaped wherever it is shown). {@code target} names what is rated
 * ("show:12", "episode:34"). A listener is their visitor cookie and has at most one rating per
 * target, enforced by the database as well; the address is not an identity (a household or an
 * office shares one), only counted, as a keyed hash of its prefix, to hold stuffing for review.
 * A comment is moderated apart from the stars: it is shown on the public pages only once it is
 * {@link CommentState#PUBLISHED}, by the producer or by the show's {@link CommentPolicy}.
 */
@Entity
@Table(name = "rating", uniqueConstraints = @UniqueConstraint(name = "rating_target_visitor", columnNames = {"target", "visitorId"}),
        indexes = {@Index(name = "rating_podcast", columnList = "podcastId, hidden"),
                @Index(name = "rating_target_address", columnList = "target, addressHash, createdAt")})
public class Rating {

    /** Whether a rating is in the averages: held ones wait for the producer, hidden ones were put aside by them. */
    public enum State {
        COUNTED("%1$s.hidden = false AND %1$s.held = false"),
        HELD("%1$s.hidden = false AND %1$s.held = true"),
        HIDDEN("%1$s.hidden = true");

        private final String condition;

        State(String condition) {
            this.condition = condition;
        }

        /** The JPQL condition of this state on the rating {@code alias}, the same rule as {@link Rating#state()}. */
        public String condition(String alias) {
            return condition.formatted(alias);
        }
    }

    /** Where a rating's comment stands; a rating without a comment has none. */
    public enum CommentState {
        /** In the producer's queue: not shown to anyone else yet. */
        AWAITING,
        /** On the public pages. */
        PUBLISHED,
        /** Put aside by the producer; approving it later publishes it after all. */
        HIDDEN
    }

    /** What a rating adds to its targets' running totals. */
    public record Contribution(long stars, long count) {

        public static final Contribution NONE = new Contribution(0, 0);

        public Contribution minus(Contribution other) {
            return new Contribution(stars - other.stars, count - other.count);
        }

        public boolean isNone() {
            return stars == 0 && count == 0;
        }
    }

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
    private String visitorId;
    /** Absent on ratings made before addresses were counted. */
    @Column(length = 64)
    private String addressHash;
    @Column(nullable = false)
    private int stars;
    @Column(length = 2 * MAX_COMMENT) // the limit counts characters; the column UTF-16 units (an emoji is two)
    private String comment;
    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private CommentState commentState;
    @Column(nullable = false)
    private boolean hidden;
    @Column(nullable = false, columnDefinition = "BOOLEAN DEFAULT FALSE NOT NULL") // ratings from before holding count
    private boolean held;
    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;


    protected Rating() {
    }

    public Rating(long podcastId, Optional<Long> episodeId, String visitorId, String addressHash, int stars, String comment,
                  Instant now, CommentPolicy policy) {
        this.podcastId = podcastId;
        this.episodeId = episodeId.orElse(null);
        this.target = target(podcastId, episodeId);
        this.visitorId = visitorId;
        this.addressHash = addressHash;
        this.createdAt = InstantColumn.stored(now);
        change(stars, comment, now, policy);
    }

    /** What a rating is of: the show, or one episode. */
    public static String target(long podcastId, Optional<Long> episodeId) {
        return episodeId.map(id -> "episode:" + id).orElse("show:" + podcastId);
    }

    public static void check(Integer stars, String comment, Violations violations) {
        if (stars == null) {
            violations.add("stars", "ratings.stars.required");
        } else if (stars < 1 || stars > 5) {
            violations.add("stars", "ratings.stars.range", stars);
        }
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            violations.add("comment", "platform.tooLong", MAX_COMMENT);
        }
        violations.xmlText("comment", comment);
    }

    /** Line breaks as one character, whatever the browser sent (forms send CRLF). */
    public static String normalized(String comment) {
        return comment == null ? null : comment.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * A new submission by the same listener replaces the earlier one, and keeps its state. A comment
     * that changed is judged again by the show's policy (a published comment edited into something
     * else goes back to the queue unless the policy publishes it; a hidden one, edited, waits for the
     * producer); the same words keep their state.
     */
    public void change(int stars, String comment, Instant now, CommentPolicy policy) {
        var text = normalized(comment);
        var violations = new Violations();
        check(stars, text, violations);
        violations.throwIfAny("ratings.invalid");
        var before = this.comment;
        this.stars = stars;
        this.comment = text == null || text.isBlank() ? null : text.strip();
        this.updatedAt = InstantColumn.stored(now);
        if (!Objects.equals(before, this.comment)) {
            // A hidden comment, edited, is read again by the producer: a character changed must not undo their decision.
            this.commentState = this.comment == null ? null
                    : !held && commentState != CommentState.HIDDEN && policy.publishesWithoutReview(this.comment)
                    ? CommentState.PUBLISHED : CommentState.AWAITING;
        }
    }

    /** A new rating beyond its address's allowance: stored, but out of the averages until the producer approves it; its comment waits too. */
    public void holdForReview() {
        this.held = true;
        if (comment != null) {
            this.commentState = CommentState.AWAITING;
        }
    }

    /** The producer's word: the rating counts, whether it was held or hidden. */
    public void approve() {
        this.held = false;
        this.hidden = false;
    }

    /** The producer's word on the comment: it is shown, and the stars that came with it count (a held rating is approved with it). */
    public void publishComment() {
        requireComment();
        this.commentState = CommentState.PUBLISHED;
        this.held = false;
    }

    /** Off the public pages; the stars keep counting as before. */
    public void hideComment() {
        requireComment();
        this.commentState = CommentState.HIDDEN;
    }

    /** The words are erased for good (a listener's request, abuse); the stars stay, so deleting cannot move an average. */
    public void deleteComment() {
        requireComment();
        this.comment = null;
        this.commentState = null;
    }

    private void requireComment() {
        if (comment == null) {
            throw new IllegalStateException("rating " + id + " has no comment"); // the boundary finds ratings by their comment
        }
    }

    public void hide() {
        this.hidden = true;
    }

    public State state() {
        return hidden ? State.HIDDEN : held ? State.HELD : State.COUNTED;
    }

    public Contribution contribution() {
        return state() == State.COUNTED ? new Contribution(stars, 1) : Contribution.NONE;
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

    public Optional<CommentState> commentState() {
        return Optional.ofNullable(commentState);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
