package dev.chapitre.platform.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Asks every {@link ReadinessProbe}. Without a transaction: a probe that finds the database broken
 * must not also roll back someone else's work, and reads need none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReadinessProbes {

    /** The admin role's name (the security feature maps it; the platform must not import it). */
    static final String ADMIN = "admin";

    @Inject
    @ReadinessProbe
    Instance<HealthCheck> probes;

    /** For anyone: UP or DOWN, nothing more. */
    @PermitAll
    public boolean isReady() {
        return findings().stream().allMatch(f -> f.getStatus() == HealthCheckResponse.Status.UP);
    }

    /** For the admin: every finding with its data. */
    @RolesAllowed(ADMIN)
    public List<HealthCheckResponse> details() {
        return findings();
    }

    private List<HealthCheckResponse> findings() {
        return StreamSupport.stream(probes.spliterator(), false).map(ReadinessProbes::ask).toList();
    }

    private static HealthCheckResponse ask(HealthCheck probe) {
        try {
            return probe.call();
        } catch (RuntimeException failed) {
            return HealthCheckResponse.named(probe.getClass().getSimpleName()).down()
                    .withData("error", String.valueOf(failed.getMessage())).build();
        }
    }
}
