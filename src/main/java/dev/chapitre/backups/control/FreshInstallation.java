package dev.chapitre.backups.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a database may receive a restore: only an installation that holds nothing yet, so a
 * restore never overwrites anyone's work. A fresh installation is not quite without rows: at its
 * first start it made its first admin (who signs in to restore) and its secrets; those are replaced
 * by the archive's, so the restored producers, passwords and tokens are the ones that work afterwards.
 */
public final class FreshInstallation {

    /** The tables a fresh installation fills by itself; a restore replaces their rows. */
    public static final Set<String> MADE_AT_FIRST_START = Set.of("producer", "api_token", "studio_session", "rating_secret", "listener_salt");
    private static final int FIRST_ADMIN_ONLY = 1;

    private FreshInstallation() {
    }

    /** What the database holds that a fresh installation would not, in words; empty when it may be restored into. */
    public static Optional<String> contentOf(Connection connection, Schema schema) throws SQLException {
        var found = new ArrayList<String>();
        for (var table : schema.tables()) {
            long rows = count(connection, table.name());
            boolean allowed = table.name().equals("producer") ? rows <= FIRST_ADMIN_ONLY : MADE_AT_FIRST_START.contains(table.name());
            if (rows > 0 && !allowed) {
                found.add(table.name() + ": " + rows + (rows == 1 ? " row" : " rows"));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", found));
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
