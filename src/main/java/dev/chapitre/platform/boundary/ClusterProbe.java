package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** For the admin: how many instances this one sees in its cluster, and whether it leads. */
@ReadinessProbe
@ApplicationScoped
public class ClusterProbe implements HealthCheck {

    @Inject
    ClusterChanges cluster;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cluster").up().withData("instances", cluster.members())
                .withData("leading", cluster.leads()).build();
    }
}
