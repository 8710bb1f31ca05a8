package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * The schema is there: the migrations have run ({@link SchemaMigrations}), every table answers and
 * every mapped column can be read, so an entity that no migration matches shows up here rather
 * than in the first request.
 */
@ReadinessProbe
@ApplicationScoped
public class SchemaProbe implements HealthCheck {

    static final List<String> TABLES = List.of("producer", "api_token", "podcast", "episode", "episode_chapter", "episode_person");

    @PersistenceContext
    EntityManager em;

    @Inject
    SchemaMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        var version = migrations.version();
        if (version.isEmpty()) {
            return response.down().withData("error", "the schema migrations have not run yet").build();
        }
        response.withData("schema", version.get());
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
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        return response.up().build();
    }
}
