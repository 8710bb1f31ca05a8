package dev.chapitre.security.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Violations;
import dev.chapitre.security.control.Caller;
import dev.chapitre.security.control.ProducerIdentityStore;
import dev.chapitre.security.control.TokenSecrets;
import dev.chapitre.security.entity.ApiToken;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** API tokens of the calling producer. */
@Stateless
@RolesAllowed(ProducerIdentityStore.PRODUCER)
public class Tokens {

    public record Issued(ApiToken token, String secret) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    public Issued issue(String label) {
        new Violations().limitText("label", label, 100).throwIfAny("security.token.invalid");
        var secret = "chp_" + TokenSecrets.randomToken(32);
        var token = new ApiToken(TokenSecrets.randomId(), caller.producer(), TokenSecrets.sha256(secret), label);
        em.persist(token);
        return new Issued(token, secret);
    }

    public List<ApiToken> mine() {
        return em.createNamedQuery(ApiToken.OF_PRODUCER, ApiToken.class)
                .setParameter("producer", caller.producer()).getResultList();
    }

    public void revoke(String id) {
        var token = em.find(ApiToken.class, id);
        if (token == null || !token.producer().id().equals(caller.producer().id())) {
            throw ProblemException.notFound("security.token.notFound", id);
        }
        em.remove(token);
    }
}
