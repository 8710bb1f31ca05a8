package dev.chapitre.downloads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One counted download (IAB Podcast Measurement v2): a listener, identified only by a salted hash
 * of IP and User-Agent whose salt changes every day, fetched an episode. No IP address is stored.
 */
@Entity
@Table(name = "download", indexes = {
        @Index(name = "download_episode_client", columnList = "episodeId, clientHash, countedAt"),
        @Index(name = "download_podcast_day", columnList = "podcastId, download_day")})
public class Download {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private long podcastId;
    @Column(nullable = false)
    private long episodeId;
    @Column(nullable = false, length = 64)
    private String clientHash;
    @Column(nullable = false, length = 40)
    private String app;
    @Column(nullable = false)
    private Instant countedAt;
    /** The UTC day, for daily totals. */
    @Column(name = "download_day", nullable = false) // DAY is reserved in SQL
    private LocalDate day;

    protected Download() {
    }

    public Download(long podcastId, long episodeId, String clientHash, String app, Instant countedAt) {
        this.podcastId = podcastId;
        this.episodeId = episodeId;
        this.clientHash = clientHash;
        this.app = app;
        this.countedAt = countedAt;
        this.day = LocalDate.ofInstant(countedAt, ZoneOffset.UTC);
    }
}
