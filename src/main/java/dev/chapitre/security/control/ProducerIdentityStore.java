package dev.chapitre.security.control;

import dev.chapitre.security.entity.ApiToken;
import dev.chapitre.security.entity.Producer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;

/** Producers from the database: email + PBKDF2 password, or an API token. */
@ApplicationScoped
public class ProducerIdentityStore implements IdentityStore {

    public static final String PRODUCER = "producer";
    public static final String ADMIN = "admin";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validatePassword(password);
        }
        if (credential instanceof TokenCredential token) {
            return validateToken(token);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    private CredentialValidationResult validatePassword(UsernamePasswordCredential credential) {
        var found = em.createNamedQuery(Producer.BY_EMAIL, Producer.class)
                .setParameter("email", Producer.normalizedEmail(credential.getCaller()))
                .getResultStream().findFirst();
        var matches = found.isPresent()
                ? passwords.matches(credential.getPasswordAsString(), found.get().passwordHash())
                : passwords.matchesNone(credential.getPasswordAsString());
        return matches ? valid(found.get()) : CredentialValidationResult.INVALID_RESULT;
    }

    private CredentialValidationResult validateToken(TokenCredential credential) {
        return em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", TokenSecrets.sha256(credential.secret()))
                .getResultStream().findFirst()
                .map(token -> valid(token.producer()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /** The caller name and groups of a producer, however they proved who they are. */
    public static CredentialValidationResult valid(Producer producer) {
        Set<String> groups = new HashSet<>();
        groups.add(PRODUCER);
        if (producer.isAdmin()) {
            groups.add(ADMIN);
        }
        return new CredentialValidationResult(producer.email(), groups);
    }
}
