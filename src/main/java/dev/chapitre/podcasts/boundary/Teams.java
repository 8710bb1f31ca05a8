package dev.chapitre.podcasts.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.ShowMember;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.entity.Producer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A show's team: its owner invites other producers (by the email of their account) as editors;
 * an invited producer accepts or declines; an editor may leave; the owner removes anyone but
 * themselves. Only the owner changes the team. Invitations wait in the invited producer's studio:
 * the platform sends no email.
 */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Teams {

    @PersistenceContext
    EntityManager em;

    @Inject
    Podcasts podcasts;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** The owner first, then editors and invited producers in the order they were invited. */
    public Podcast team(String slug) {
        return podcasts.editable(slug);
    }

    public ShowMember invite(String slug, Optional<String> address) {
        var podcast = locked(podcasts.owned(slug));
        var email = address.filter(text -> !text.isBlank()).orElseThrow(() ->
                ProblemException.unprocessable("podcasts.team.emailRequired"));
        var invitee = em.createNamedQuery(Producer.BY_EMAIL, Producer.class).setParameter("email", Producer.normalizedEmail(email))
                .getResultStream().findFirst().orElseThrow(() -> ProblemException.unprocessable("podcasts.team.noSuchProducer", email.strip()));
        if (podcast.isOwnedBy(invitee)) {
            throw ProblemException.conflict("podcasts.team.ownsAlready", invitee.name(), slug);
        }
        podcast.memberOf(invitee).ifPresent(member -> {
            throw member.isAccepted() ? ProblemException.conflict("podcasts.team.alreadyEditor", invitee.name(), slug)
                    : ProblemException.conflict("podcasts.team.alreadyInvited", invitee.name(), slug);
        });
        var member = podcast.invite(invitee, caller.producer(), clock.instant());
        em.flush();
        return member;
    }

    /** The caller's yes to an invitation: from now on they see and edit the show. */
    public Podcast accept(String slug) {
        var podcast = locked(invitedTo(slug)); // not while the owner withdraws the invitation
        if (podcast.memberOf(caller.producer()).isEmpty()) {
            throw ProblemException.conflict("podcasts.team.ownerAccepts", slug);
        }
        podcast.accept(caller.producer(), clock.instant());
        return podcast;
    }

    /**
     * Takes {@code producerId} off the team: the owner removes an editor or withdraws an invitation,
     * a member leaves or declines for themselves. The owner cannot be removed.
     */
    public void remove(String slug, long producerId) {
        var me = caller.producer();
        var podcast = locked(me.id() == producerId ? invitedTo(slug) : podcasts.owned(slug));
        if (podcast.owner().id() == producerId) {
            throw ProblemException.conflict("podcasts.team.ownerStays", slug);
        }
        var member = podcast.members().stream().filter(m -> m.producer().id() == producerId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("podcasts.team.notOnTeam", producerId, slug));
        podcast.removeFromTeam(member.producer());
    }

    /** The invitations the caller has not answered, oldest first. */
    public List<ShowMember> invitations() {
        return em.createNamedQuery(Podcast.INVITATIONS, ShowMember.class).setParameter("producer", caller.producer()).getResultList();
    }

    /** A show whose team the caller is on in any way, invited included (to accept, decline or leave). */
    private Podcast invitedTo(String slug) {
        return em.createNamedQuery(Podcast.BY_SLUG, Podcast.class).setParameter("slug", slug).getResultStream()
                .filter(podcast -> podcast.hasOnTeam(caller.producer())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("podcasts.team.notInvited", slug));
    }

    /** Team changes of one show go one after the other, so that two invitations of one producer make one. */
    private Podcast locked(Podcast podcast) {
        em.refresh(podcast, LockModeType.PESSIMISTIC_WRITE); // and its team read again, as the one before left it
        return podcast;
    }
}
