package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} (served by Payara, outside our application, to anyone who asks): UP when
 * every {@link ReadinessProbe} is, without their data, which says more than a stranger needs
 * (row counts, paths). The admin reads the details at {@code GET /api/admin/health}.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    ReadinessProbes probes;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("chapitre").status(probes.isReady()).build();
    }
}
