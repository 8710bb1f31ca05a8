package dev.chapitre.media.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which storage holds the media, decided at start: an S3-compatible bucket when CHAPITRE_S3_BUCKET
 * is set, else the file system under CHAPITRE_DATA_DIR. Prepared at deployment, not at first use,
 * so the leftovers of a killed process go before anyone looks.
 */
@ApplicationScoped
public class MediaStorageChoice {

    private static final Logger LOG = Logger.getLogger(MediaStorageChoice.class.getName());

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "CHAPITRE_DATA_DIR", defaultValue = "./data")
    String dataDir;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Produces
    @ApplicationScoped
    MediaStorage storage() {
        var s3 = S3Settings.from(name -> config.getOptionalValue(name, String.class));
        if (s3.isEmpty()) {
            return new FileSystemMediaStorage(dataDir);
        }
        var storage = new S3MediaStorage(s3.get(), Path.of(dataDir).toAbsolutePath().normalize().resolve("scratch"));
        storage.checkBucket();
        LOG.info(() -> "Media in the " + s3.get());
        // At start and every hour: a killed instance leaves no multipart upload or staged object for long.
        scheduler.scheduleAtFixedRate(() -> removeAbandoned(storage), 0, 1, TimeUnit.HOURS);
        return storage;
    }

    private void removeAbandoned(S3MediaStorage storage) {
        try {
            int removed = storage.removeAbandoned(clock.instant());
            if (removed > 0) {
                LOG.info(() -> "Removed " + removed + " abandoned uploads from the bucket");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for abandoned uploads in the bucket; trying again in an hour", e);
        }
    }

    void close(@Disposes MediaStorage storage) {
        if (storage instanceof S3MediaStorage s3) {
            s3.close();
        }
    }

    void startUp(@Observes @Initialized(ApplicationScoped.class) Object deployment, MediaStorage storage) {
        storage.stagingArea(); // the client proxy creates the storage now
    }
}
