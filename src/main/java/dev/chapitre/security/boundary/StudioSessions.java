package dev.chapitre.security.boundary;

import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.security.control.TokenSecrets;
import dev.chapitre.security.entity.Producer;
import dev.chapitre.security.entity.StudioSession;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Studio sign-ins: opened after a password check, found by the cookie's secret, ended on sign-out. */
@Stateless
public class StudioSessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "CHAPITRE_STUDIO_SESSION_HOURS", defaultValue = "12")
    int idleHours;

    /** A new session for a producer whose password has just been checked; the answer is the cookie's secret. */
    public String open(String email) {
        var producer = em.createNamedQuery(Producer.BY_EMAIL, Producer.class)
                .setParameter("email", Producer.normalizedEmail(email))
                .getSingleResult();
        em.createNamedQuery(StudioSession.END_EXPIRED).setParameter("now", InstantColumn.now()).executeUpdate();
        var secret = TokenSecrets.randomToken(32);
        em.persist(new StudioSession(producer, TokenSecrets.sha256(secret), idleLifetime()));
        return secret;
    }

    /** The signed-in producer, while the session lasts; each use keeps it alive. */
    public Optional<Producer> producerOf(String secret) {
        var now = InstantColumn.now();
        return em.createNamedQuery(StudioSession.BY_HASH, StudioSession.class)
                .setParameter("hash", TokenSecrets.sha256(secret))
                .getResultStream().findFirst()
                .filter(session -> !session.isExpired(now))
                .map(session -> {
                    session.extend(now, idleLifetime());
                    return session.producer();
                });
    }

    public void end(String secret) {
        em.createNamedQuery(StudioSession.BY_HASH, StudioSession.class)
                .setParameter("hash", TokenSecrets.sha256(secret))
                .getResultStream().findFirst().ifPresent(em::remove);
    }

    /** After a password reset, every browser signed in as this producer must sign in again. */
    public void endAllOf(Producer producer) {
        em.createNamedQuery(StudioSession.END_ALL_OF).setParameter("producer", producer).executeUpdate();
    }

    /** After a producer changed their own password: every other browser signs in again, the one that changed it stays. */
    public void endAllOfBut(Producer producer, Optional<String> keptSecret) {
        if (keptSecret.isEmpty()) {
            endAllOf(producer);
            return;
        }
        em.createNamedQuery(StudioSession.END_OTHERS_OF).setParameter("producer", producer)
                .setParameter("kept", TokenSecrets.sha256(keptSecret.get())).executeUpdate();
    }

    public Duration idleLifetime() {
        return Duration.ofHours(Math.max(1, idleHours));
    }
}
