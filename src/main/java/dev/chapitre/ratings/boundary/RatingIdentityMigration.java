package dev.chapitre.ratings.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Ratings used to be unique per target and hash of address + User-Agent, so a second listener
 * behind the same address (same browser) overwrote the first one's rating. Now a listener is their
 * cookie alone: at start, databases from before lose that constraint, and the hash, which nothing
 * reads any more, is forgotten. Every step can run again; the columns that came with the change
 * ({@code addressHash}, {@code held}, false on old rows) are added by EclipseLink at deploy.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class RatingIdentityMigration {

    private static final Logger LOG = Logger.getLogger(RatingIdentityMigration.class.getName());

    @Resource(lookup = "java:app/jdbc/chapitre")
    javax.sql.DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            migrateSchema(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the old one-rating-per-address constraint; the next start tries again", e);
        }
    }

    static void migrateSchema(Connection connection) throws SQLException {
        if (!hasColumn(connection, "RATING", "TARGET")) {
            return; // a new database: EclipseLink creates the table as it is now
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE RATING DROP CONSTRAINT IF EXISTS RATING_TARGET_LISTENER");
            if (hasColumn(connection, "RATING", "LISTENERHASH")) {
                statement.execute("ALTER TABLE RATING ALTER COLUMN LISTENERHASH DROP NOT NULL");
                int forgotten = statement.executeUpdate("UPDATE RATING SET LISTENERHASH = NULL WHERE LISTENERHASH IS NOT NULL");
                if (forgotten > 0) {
                    LOG.info("Forgot the address and User-Agent hashes of " + forgotten + " ratings: a listener is now their cookie.");
                }
            }
            if (hasColumn(connection, "RATING", "ADDRESSHASH")) { // EclipseLink creates the index with a new table, not on an extended one
                statement.execute("CREATE INDEX IF NOT EXISTS RATING_TARGET_ADDRESS ON RATING (TARGET, ADDRESSHASH, CREATEDAT)");
            }
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (var columns = connection.getMetaData().getColumns(null, null, table, column)) {
            return columns.next();
        }
    }
}
