package dev.chapitre.podcasts.entity;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.security.entity.Producer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A producer on a show's team besides its owner: invited by the owner, a member once they accept.
 * An editor sees and changes the show and its episodes like the owner, but does not delete the
 * show or change its team.
 */
@Entity
@Table(name = "podcast_member")
public class ShowMember {

    /** The roles on a show; the owner is the show's own (one per show), the others are members. */
    public enum Role {
        OWNER, EDITOR
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "podcast_id")
    private Podcast podcast;

    @ManyToOne(optional = false)
    @JoinColumn(name = "producer_id")
    private Producer producer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Role role;

    /** Absent once the inviting producer's account is gone. */
    @ManyToOne
    @JoinColumn(name = "invitedby_id")
    private Producer invitedBy;

    @Column(nullable = false)
    private Instant invitedAt;

    private Instant acceptedAt;

    protected ShowMember() {
    }

    ShowMember(Podcast podcast, Producer producer, Producer invitedBy, Instant now) {
        this.podcast = podcast;
        this.producer = producer;
        this.role = Role.EDITOR;
        this.invitedBy = invitedBy;
        this.invitedAt = InstantColumn.stored(now);
    }

    void accept(Instant now) {
        if (acceptedAt == null) {
            this.acceptedAt = InstantColumn.stored(now);
        }
    }

    public boolean isAccepted() {
        return acceptedAt != null;
    }

    public boolean is(Producer other) {
        return producer.id().equals(other.id());
    }

    public Podcast podcast() {
        return podcast;
    }

    public Producer producer() {
        return producer;
    }

    public Role role() {
        return role;
    }

    public Optional<Producer> invitedBy() {
        return Optional.ofNullable(invitedBy);
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Optional<Instant> acceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }
}
