package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the schema is there (a failed DDL is only a warning at deploy time, so we query
 * every table and every mapped column) and the media folder is writable.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    static final List<String> TABLES = List.of("producer", "api_token", "podcast", "episode", "episode_chapter", "episode_person");

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "CHAPITRE_DATA_DIR", defaultValue = "./data")
    String dataDir;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("chapitre");
        try {
            for (var table : TABLES) {
                var rows = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
                response.withData(table, rows);
            }
            // Reading one row of every entity selects every mapped column: a column that the
            // schema update could not add shows up here rather than in the first request.
            for (var entity : em.getMetamodel().getEntities()) {
                em.createQuery("SELECT x FROM " + entity.getName() + " x").setMaxResults(1).getResultList();
            }
        } catch (RuntimeException e) {
            return response.down().withData("database", String.valueOf(e.getMessage())).build();
        }
        var media = Path.of(dataDir).toAbsolutePath().resolve("media");
        if (!Files.isWritable(media)) {
            return response.down().withData("media", media + " is not writable").build();
        }
        return response.up().build();
    }
}
