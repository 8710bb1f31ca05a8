package dev.chapitre.security.boundary;

import dev.chapitre.security.control.TokenSecrets;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes sure someone can sign in on a fresh installation. */
@Startup
@Singleton
@DependsOn("SchemaMigrations") // the schema is up to date and ids are safe before anything reads or inserts
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Producers producers;

    @Inject
    @ConfigProperty(name = "CHAPITRE_ADMIN_EMAIL", defaultValue = "admin@localhost")
    String email;

    @Inject
    @ConfigProperty(name = "CHAPITRE_ADMIN_PASSWORD")
    Optional<String> password;

    /**
     * Outside a transaction, so that each attempt of {@link Producers#createAdminIfNone} commits, or
     * fails, before this says what it did. On the lifecycle callback itself: Payara runs a singleton's
     * {@code @PostConstruct} in a transaction of its own unless the method says otherwise (the class's
     * attribute is not consulted), and then a losing insert failed only after "Created" was logged.
     * After {@code @PostConstruct}: Payara reads a method's annotations in order, and attaches the
     * attribute to the callback only once it knows the method is one.
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void createAdminIfNone() {
        var chosen = password.filter(p -> !p.isBlank());
        var effective = chosen.orElseGet(() -> TokenSecrets.randomToken(15));
        boolean created;
        try {
            created = producers.createAdminIfNone(email, effective);
        } catch (RuntimeException createdElsewhereAtTheSameTime) {
            // Instances of a cluster starting together on an empty database: the email is unique, one
            // insert wins, and this one now finds a producer.
            created = producers.createAdminIfNone(email, effective);
        }
        if (created) {
            if (chosen.isPresent()) {
                LOG.info(() -> "Created the admin producer " + email + " with the password from CHAPITRE_ADMIN_PASSWORD.");
            } else {
                LOG.warning(() -> "Created the admin producer " + email + " with the generated password: " + effective
                        + " (shown only this once; set CHAPITRE_ADMIN_PASSWORD to choose it).");
            }
        }
    }
}
