package dev.chapitre.ratings.boundary;

import dev.chapitre.ratings.control.ListenerKeys;
import dev.chapitre.ratings.entity.RatingSecret;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The one rating secret row, each step in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RatingSecrets {

    @PersistenceContext
    EntityManager em;

    public Optional<byte[]> stored() {
        return Optional.ofNullable(em.find(RatingSecret.class, RatingSecret.ID)).map(RatingSecret::secret);
    }

    /** A new secret, stored; refused (the transaction rolls back) when another instance stored one first. */
    public byte[] create() {
        var created = new RatingSecret(ListenerKeys.newSecret());
        em.persist(created);
        return created.secret();
    }
}
