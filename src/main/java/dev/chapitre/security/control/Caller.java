package dev.chapitre.security.control;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.security.entity.Producer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.core.Response.Status;

/** The producer making the current request. */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @PersistenceContext
    EntityManager em;

    public Producer producer() {
        var principal = security.getCallerPrincipal();
        if (principal == null) {
            throw new ProblemException(Status.UNAUTHORIZED, "security.signInFirst");
        }
        return em.createNamedQuery(Producer.BY_EMAIL, Producer.class)
                .setParameter("email", principal.getName())
                .getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(Status.UNAUTHORIZED, "security.accountGone"));
    }
}
