package dev.chapitre.ratings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The running sum and count of the visible ratings of one target ("show:12" counts the show's
 * ratings and its episodes', "episode:34" one episode's). Kept in step with the ratings in the
 * same transaction by atomic increments, so a page reads one row instead of every rating, and
 * concurrent submissions add up exactly.
 */
@Entity
@Table(name = "rating_total")
public class RatingTotal {

    @Id
    @Column(length = 40)
    private String target;
    @Column(nullable = false, columnDefinition = "BIGINT DEFAULT 0 NOT NULL") // a default lets it be added to existing rows
    private long podcastId;
    @Column(nullable = false)
    private long starsSum;
    @Column(nullable = false)
    private long ratingCount;

    protected RatingTotal() {
    }

    public RatingTotal(long podcastId, String target) {
        this.podcastId = podcastId;
        this.target = target;
    }

    public long starsSum() {
        return starsSum;
    }

    public long ratingCount() {
        return ratingCount;
    }
}
