package dev.chapitre.platform.boundary;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a {@link org.eclipse.microprofile.health.HealthCheck} bean as one finding of readiness.
 * The public {@code /health/ready} answers only whether all of them are UP; their names and data
 * (row counts, paths, missing files) are for the admin, at {@code GET /api/admin/health}. A new
 * finding is one bean: {@code @ReadinessProbe @ApplicationScoped class … implements HealthCheck}.
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, PARAMETER})
public @interface ReadinessProbe {
}
