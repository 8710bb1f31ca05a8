package dev.chapitre.episodes.boundary;

import dev.chapitre.platform.boundary.ReadinessProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Rows whose media file is missing, as the last reconciliation found them. Reported, not DOWN: the
 * instance serves everything else, and another instance would miss the same files.
 */
@ReadinessProbe
@ApplicationScoped
public class MissingMediaProbe implements HealthCheck {

    static final int LISTED = 20;

    @Inject
    MediaAudit audit;

    @Override
    public HealthCheckResponse call() {
        var missing = audit.missing();
        var response = HealthCheckResponse.named("media-files").up().withData("missing", missing.size());
        if (!missing.isEmpty()) {
            response.withData("missingKeys", String.join(", ", missing.stream().limit(LISTED).toList())
                    + (missing.size() > LISTED ? ", …" : ""));
        }
        return response.build();
    }
}
