package dev.chapitre.security.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.security.control.Passwords;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.entity.Producer;
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

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    StudioSessions sessions;

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Producer add(String email, String password, String name) {
        var violations = new Violations();
        if (!Producer.isPlausibleEmail(email)) {
            violations.add("email", "must be an email address");
        }
        checkPassword(password, violations);
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add("name", "must be 1 to 200 characters");
        }
        violations.xmlText("email", email).xmlText("name", name);
        violations.throwIfAny("The producer cannot be added");
        if (byEmail(email).isPresent()) {
            throw ProblemException.conflict("A producer with the email " + Producer.normalizedEmail(email) + " already exists.");
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
        violations.throwIfAny("The password cannot be set");
        producer.changePasswordHash(passwords.hash(password));
        sessions.endAllOf(producer);
        return producer;
    }

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public List<Producer> all() {
        return em.createNamedQuery(Producer.ALL, Producer.class).getResultList();
    }

    @RolesAllowed(ProducerIdentityStore.ADMIN)
    public Producer byId(long id) {
        return Optional.ofNullable(em.find(Producer.class, id))
                .orElseThrow(() -> ProblemException.notFound("There is no producer " + id + "."));
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
        if (password == null || password.length() < Producer.MIN_PASSWORD_LENGTH) {
            violations.add("password", "must have at least " + Producer.MIN_PASSWORD_LENGTH + " characters");
        } else if (password.length() > Producer.MAX_PASSWORD_LENGTH) {
            violations.add("password", "must have at most " + Producer.MAX_PASSWORD_LENGTH + " characters");
        }
    }

    private Optional<Producer> byEmail(String email) {
        return em.createNamedQuery(Producer.BY_EMAIL, Producer.class)
                .setParameter("email", Producer.normalizedEmail(email))
                .getResultStream().findFirst();
    }
}
