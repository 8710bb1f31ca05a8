package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Uploads and re-tags write to the media folder: it must be writable. */
@ReadinessProbe
@ApplicationScoped
public class MediaFolderProbe implements HealthCheck {

    @Inject
    @ConfigProperty(name = "CHAPITRE_DATA_DIR", defaultValue = "./data")
    String dataDir;

    @Override
    public HealthCheckResponse call() {
        var media = Path.of(dataDir).toAbsolutePath().resolve("media");
        return HealthCheckResponse.named("media").status(Files.isWritable(media)).withData("folder", media.toString()).build();
    }
}
