package dev.chapitre.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * H2 keeps an identity column's next value apart from the rows, and after a kill it can restart
 * below ids that are already stored (seen as a primary key violation on RATING(ID)). At every start,
 * after the migrations and before anything inserts, {@link SchemaMigrations} moves each identity
 * column past the largest id in its table. PostgreSQL's sequences are crash-safe and need no such step.
 */
final class IdentityRecovery {

    private static final Logger LOG = Logger.getLogger(IdentityRecovery.class.getName());

    private record Identity(String table, String column, long next) {
    }

    private IdentityRecovery() {
    }

    static void moveBeyondStoredIds(Connection connection) throws SQLException {
        for (var identity : identities(connection)) {
            long largest = largest(connection, identity);
            if (largest >= identity.next()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE \"" + identity.table() + "\" ALTER COLUMN \"" + identity.column()
                            + "\" RESTART WITH " + (largest + 1));
                }
                LOG.warning(() -> "The next id of " + identity.table() + " was " + identity.next() + ", below the stored "
                        + largest + " (an earlier crash); it now starts at " + (largest + 1) + ".");
            }
        }
    }

    private static List<Identity> identities(Connection connection) throws SQLException {
        var found = new ArrayList<Identity>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND IS_IDENTITY = 'YES'")) {
            while (rows.next()) {
                found.add(new Identity(rows.getString(1), rows.getString(2), rows.getLong(3)));
            }
        }
        return found;
    }

    private static long largest(Connection connection, Identity identity) throws SQLException {
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COALESCE(MAX(\"" + identity.column() + "\"), 0) FROM \"" + identity.table() + "\"")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
