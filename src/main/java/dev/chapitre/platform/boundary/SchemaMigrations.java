package dev.chapitre.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Brings the database to the schema this release expects, before anything else starts (every other
 * start-up bean depends on this one): Flyway runs {@code db/migration/common} on H2 and PostgreSQL
 * alike, and on H2 the repairs of databases from before Flyway ({@link LegacyH2Schema}) and the
 * identity check after a crash ({@link IdentityRecovery}). A database that EclipseLink made before
 * Flyway has no history table: it is marked as version 0, so V1 runs and adds only what is missing.
 * On PostgreSQL Flyway holds an advisory lock, so two instances starting together migrate once.
 * <p>
 * Migrations only ever add or convert; nothing is dropped that holds data. A failure is never thrown
 * (that would undeploy the application): it is logged, once a minute while it lasts, and tried again
 * every few seconds; the application starts serving when the schema is there.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration REPEAT_LOG = Duration.ofMinutes(1);

    @Resource(lookup = "java:app/jdbc/chapitre")
    javax.sql.DataSource dataSource;

    private volatile String version;

    @PostConstruct
    void migrate() {
        // EclipseLink has logged in: the database answered once, so from now on the pool reports failures.
        ChapitreDataSource.markStarted();
        var lastFailure = "";
        var lastLogged = Instant.MIN;
        while (version == null) {
            try {
                version = migrateOnce();
            } catch (SQLException | RuntimeException e) {
                var failure = String.valueOf(e.getMessage());
                if (!failure.equals(lastFailure) || Instant.now().isAfter(lastLogged.plus(REPEAT_LOG))) {
                    LOG.severe("The database schema could not be brought up to date (" + failure + "); nothing was lost, "
                            + "trying again every " + RETRY.toSeconds() + " s.");
                    lastFailure = failure;
                    lastLogged = Instant.now();
                }
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private String migrateOnce() throws SQLException {
        boolean h2;
        try (var connection = dataSource.getConnection()) {
            h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
        }
        var configuration = Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("the schema EclipseLink made before Flyway");
        configuration.javaMigrations(h2 ? new JavaMigration[] {new LegacyH2Schema(), new EpisodeGuidsPerShow()}
                : new JavaMigration[] {new EpisodeGuidsPerShow()});
        var result = configuration.load().migrate();
        if (h2) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                IdentityRecovery.moveBeyondStoredIds(connection);
            }
        }
        if (result.migrationsExecuted > 0) {
            LOG.info("Migrated the " + result.database + " schema from version " + Optional.ofNullable(result.initialSchemaVersion).orElse("none")
                    + " to " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations).");
        }
        return Optional.ofNullable(result.targetSchemaVersion).or(() -> Optional.ofNullable(result.initialSchemaVersion)).orElse("?");
    }

    /** The schema's version once the migrations have run; empty before. */
    @Lock(LockType.READ)
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }
}
