package dev.chapitre.backups.boundary;

import dev.chapitre.backups.control.ArchiveWriter;
import dev.chapitre.backups.control.FreshInstallation;
import dev.chapitre.backups.control.Schema;
import dev.chapitre.backups.control.TableLoader;
import dev.chapitre.backups.control.VerifiedArchive;
import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.media.control.MediaStorage;
import dev.chapitre.platform.boundary.SchemaMigrations;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.DatabaseRestored;
import dev.chapitre.security.control.ProducerIdentityStore;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The admin's backups and restores. Plain JDBC on the pool's connections, outside any container
 * transaction (bean-managed): a backup reads in one snapshot of its own, a restore writes in one
 * transaction of its own, and neither is bound by a transaction timeout.
 */
@Stateless
@RolesAllowed(ProducerIdentityStore.ADMIN)
@TransactionManagement(TransactionManagementType.BEAN)
public class Backups {

    private static final Logger LOG = Logger.getLogger(Backups.class.getName());
    private static final ReentrantLock RESTORING = new ReentrantLock();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Resource(lookup = "java:app/jdbc/chapitre")
    DataSource database;

    @Inject
    MediaStorage media;

    @Inject
    Clock clock;

    @Inject
    SchemaMigrations migrations;

    @Inject
    Event<DatabaseRestored> restored;

    /** Writes the archive to the stream it is given, as the response is sent. */
    public interface Writing {
        void to(OutputStream out) throws IOException, SQLException;
    }

    public record Archive(String fileName, Writing writing) {
    }

    public record Restored(Manifest manifest, Map<String, Long> rows, int mediaRestored, List<String> mediaMissing) {
    }

    public Archive backup(boolean withMedia) {
        var now = clock.instant();
        var schemaVersion = migrations.version().orElse("unknown");
        var writer = new ArchiveWriter(database, media);
        return new Archive("chapitre-backup-" + FILE_TIME.format(now) + ".zip", out -> {
            writer.write(out, now, schemaVersion, withMedia);
            LOG.info(() -> "A backup taken at " + now + " was written" + (withMedia ? " with the media files." : "."));
        });
    }

    /**
     * Restores {@code archive} into this installation, which must hold nothing yet. The archive is
     * kept in the staging area (removed at the end, or at the next start after a kill) and checked
     * whole before anything is written; the media files it includes that are not here yet are
     * published first, and removed again when the rows cannot be written. One restore at a time.
     */
    public Restored restore(InputStream archive) throws IOException, SQLException {
        if (!RESTORING.tryLock()) {
            throw ProblemException.conflict("backups.restore.running");
        }
        // A zip is read from its end: the archive is kept whole on this machine, in the media storage's local
        // staging folder whatever holds the media.
        Path staged;
        try {
            staged = Files.createTempFile(media.stagingArea(), "restore-", ".zip");
        } catch (IOException e) {
            RESTORING.unlock();
            throw e;
        }
        try (var connection = database.getConnection()) {
            Files.copy(archive, staged, StandardCopyOption.REPLACE_EXISTING);
            boolean postgreSql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            var schema = Schema.of(connection);
            try (var verified = VerifiedArchive.of(staged, schema, postgreSql)) {
                FreshInstallation.requireEmpty(connection, schema); // before any media file is published; again inside the load
                var published = publishMedia(verified);
                Map<String, Long> rows;
                try {
                    rows = TableLoader.load(connection, schema, verified, postgreSql);
                } catch (SQLException | RuntimeException e) {
                    published.forEach(media::delete);
                    throw e;
                }
                restored.fire(new DatabaseRestored());
                var manifest = verified.manifest();
                LOG.info(() -> "Restored the backup taken at " + manifest.createdAt() + " on " + manifest.database() + ": " + rows);
                return new Restored(manifest, rows, published.size(), missing(manifest));
            }
        } finally {
            Files.deleteIfExists(staged);
            RESTORING.unlock();
        }
    }

    /** The included files this installation lacks (a file already here stays: a restore overwrites nothing). */
    private List<String> publishMedia(VerifiedArchive archive) throws IOException {
        var published = new ArrayList<String>();
        if (!archive.manifest().mediaIncluded()) {
            return published;
        }
        try {
            for (var file : archive.manifest().media()) {
                if (media.version(file.key()).isPresent()) {
                    continue;
                }
                try (var in = archive.media(file); var staged = media.stage(in, file.size())) {
                    media.publish(staged, file.key());
                    published.add(file.key());
                }
            }
            return published;
        } catch (IOException | RuntimeException e) {
            published.forEach(media::delete);
            throw e;
        }
    }

    /** The listed media files this installation does not have: the operator copies them (docs/operations.md). */
    private List<String> missing(Manifest manifest) throws IOException {
        var missing = new ArrayList<String>();
        for (var file : manifest.media()) {
            if (media.version(file.key()).isEmpty()) {
                missing.add(file.key());
            }
        }
        return missing;
    }
}
