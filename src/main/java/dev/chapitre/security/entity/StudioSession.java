package dev.chapitre.security.entity;

import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A producer signed in to the studio from one browser. As for API tokens, only the SHA-256 of the
 * cookie's secret is stored. Kept in the database (not in the servlet container's memory) so that
 * signing out, a password reset and a restart all behave as a producer expects.
 */
@Entity
@Table(name = "studio_session")
@NamedQuery(name = StudioSession.BY_HASH, query = "SELECT s FROM StudioSession s JOIN FETCH s.producer WHERE s.secretHash = :hash")
@NamedQuery(name = StudioSession.END_ALL_OF, query = "DELETE FROM StudioSession s WHERE s.producer = :producer")
@NamedQuery(name = StudioSession.END_OTHERS_OF, query = "DELETE FROM StudioSession s WHERE s.producer = :producer AND s.secretHash <> :kept")
@NamedQuery(name = StudioSession.ACTIVE_OF, query = "SELECT s FROM StudioSession s WHERE s.producer = :producer AND s.expiresAt > :now ORDER BY s.createdAt")
@NamedQuery(name = StudioSession.END_EXPIRED, query = "DELETE FROM StudioSession s WHERE s.expiresAt < :now")
public class StudioSession {

    public static final String BY_HASH = "StudioSession.byHash";
    public static final String END_ALL_OF = "StudioSession.endAllOf";
    public static final String END_OTHERS_OF = "StudioSession.endOthersOf";
    public static final String END_EXPIRED = "StudioSession.endExpired";
    public static final String ACTIVE_OF = "StudioSession.activeOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "producer_id", nullable = false)
    private Producer producer;

    @Column(nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant expiresAt;

    protected StudioSession() {
    }

    public StudioSession(Producer producer, String secretHash, Duration idleLifetime) {
        this.producer = producer;
        this.secretHash = secretHash;
        this.createdAt = InstantColumn.now();
        this.expiresAt = createdAt.plus(idleLifetime);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Extends the session while it is used, but writes only once half of its lifetime is gone, so
     * that a producer working in the editor is not signed out, and a page view rarely costs a write.
     */
    public boolean extend(Instant now, Duration idleLifetime) {
        if (Duration.between(now, expiresAt).compareTo(idleLifetime.dividedBy(2)) > 0) {
            return false;
        }
        expiresAt = InstantColumn.stored(now.plus(idleLifetime));
        return true;
    }

    public Producer producer() {
        return producer;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
