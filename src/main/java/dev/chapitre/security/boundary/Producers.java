package dev.chapitre.security.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InstantColumn;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.Passwords;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.entity.ApiToken;
import dev.chapitre.security.entity.Producer;
import dev.chapitre.security.entity.StudioSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Producer accounts. Only the admin adds producers. */
@Stateless
public class Producers {

    private static final int MAX_NAME = 200;
    /** The 429's title (a status's reason phrase, not a message key). */
    private static final String TOO_MANY_REQUESTS = "Too Many Requests";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    StudioSessions sessions;

    @Inject
    PasswordChecks passwordChecks;

    @Inject
    Caller caller;

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Producer add(String email, String password, String name) {
        var violations = new Violations();
        if (!Producer.isPlausibleEmail(email)) {
            violations.add("email", "security.email.email");
        }
        checkPassword(password, violations);
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            violations.add("name", "security.name.length", MAX_NAME);
        }
        violations.xmlText("email", email).xmlText("name", name);
        violations.throwIfAny("security.producer.invalid");
        if (byEmail(email).isPresent()) {
            throw ProblemException.conflict("security.producer.exists", Producer.normalizedEmail(email));
        }
        var producer = new Producer(email, name.strip(), passwords.hash(password), false);
        em.persist(producer);
        em.flush();
        return producer;
    }

    /** The admin sets a new password; every studio session of that producer ends with the old one. */
    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Producer resetPassword(long id, String password) {
        var producer = byId(id);
        var violations = new Violations();
        checkPassword(password, violations);
        violations.throwIfAny("security.password.notSet");
        producer.changePasswordHash(passwords.hash(password));
        sessions.endAllOf(producer);
        return producer;
    }

    /**
     * A producer sets their own password, knowing the current one (checked under the sign-in
     * throttle, whose failures it shares: a stolen session cannot guess it); their other studio
     * sessions end, the one they changed it from stays. API tokens stay valid.
     */
    @RolesAllowed(ProducerIdentityStore.PRODUCER)
    public void changeOwnPassword(String current, String newPassword, String clientNetwork, Optional<String> keptSession) {
        var producer = caller.producer(); // managed: this transaction's persistence context
        var violations = new Violations();
        if (current == null || current.isEmpty()) {
            violations.add("currentPassword", "platform.required");
        }
        checkPassword("newPassword", newPassword, violations);
        violations.throwIfAny("security.password.notChanged");
        var checked = passwordChecks.check(PasswordChecks.keys(clientNetwork, Optional.of(producer.email())), // the email is stored normalised
                () -> passwords.matches(current, producer.passwordHash()), right -> !right);
        if (checked.result().isEmpty()) {
            throw new ProblemException(429, TOO_MANY_REQUESTS, Message.of("security.password.tooManyWrong", checked.waitSeconds()), List.of())
                    .retryAfter((int) checked.waitSeconds());
        }
        if (!checked.result().get()) {
            new Violations().add("currentPassword", "security.currentPassword.wrong").throwIfAny("security.password.notChanged");
        }
        producer.changePasswordHash(passwords.hash(newPassword));
        sessions.endAllOfBut(producer, keptSession);
    }

    /** What lets a producer in: the browsers signed in as them (until their session lapses) and their API tokens. */
    public record Access(List<StudioSession> sessions, List<ApiToken> tokens) {
    }

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Access access(long id) {
        var producer = byId(id);
        return new Access(em.createNamedQuery(StudioSession.ACTIVE_OF, StudioSession.class).setParameter("producer", producer)
                .setParameter("now", InstantColumn.now()).getResultList(),
                em.createNamedQuery(ApiToken.OF_PRODUCER, ApiToken.class).setParameter("producer", producer).getResultList());
    }

    /** The admin signs a producer out of every browser (a lost laptop); their password and tokens stay. */
    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public void endSessions(long id) {
        sessions.endAllOf(byId(id));
    }

    /** The admin revokes one of a producer's API tokens (a leaked script). */
    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public void revokeToken(long id, String tokenId) {
        var token = Optional.ofNullable(em.find(ApiToken.class, tokenId)).filter(found -> found.producer().id().equals(id))
                .orElseThrow(() -> ProblemException.notFound("security.token.notFoundOf", id, tokenId));
        em.remove(token);
    }

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public List<Producer> all() {
        return em.createNamedQuery(Producer.ALL, Producer.class).getResultList();
    }

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Producer byId(long id) {
        return Optional.ofNullable(em.find(Producer.class, id))
                .orElseThrow(() -> ProblemException.notFound("security.producer.notFound", id));
    }

    /**
     * First start: without any producer nobody could sign in, so create the admin. Committed before
     * it returns, whatever the caller's transaction: {@code true} means this insert is in the database
     * (instances starting together on an empty one both find no producer; the unique email lets one win).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean createAdminIfNone(String email, String password) {
        if (em.createNamedQuery(Producer.COUNT, Long.class).getSingleResult() > 0) {
            return false;
        }
        em.persist(new Producer(email, "Administrator", passwords.hash(password), true));
        return true;
    }

    private static void checkPassword(String password, Violations violations) {
        checkPassword("password", password, violations);
    }

    private static void checkPassword(String field, String password, Violations violations) {
        if (password == null || password.length() < Producer.MIN_PASSWORD_LENGTH) {
            violations.add(field, "security.password.tooShort", Producer.MIN_PASSWORD_LENGTH);
        } else if (password.length() > Producer.MAX_PASSWORD_LENGTH) {
            violations.add(field, "security.password.tooLong", Producer.MAX_PASSWORD_LENGTH);
        }
    }

    private Optional<Producer> byEmail(String email) {
        return em.createNamedQuery(Producer.BY_EMAIL, Producer.class)
                .setParameter("email", Producer.normalizedEmail(email))
                .getResultStream().findFirst();
    }
}
