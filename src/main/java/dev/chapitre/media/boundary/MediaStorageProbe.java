package dev.chapitre.media.boundary;

import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.ReadinessProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Uploads and re-tags write to the media storage (the folder, or the bucket): it must take writes. */
@ReadinessProbe
@ApplicationScoped
public class MediaStorageProbe implements HealthCheck {

    @Inject
    MediaStorage storage;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("media").status(storage.writable()).withData("storage", storage.location()).build();
    }
}
