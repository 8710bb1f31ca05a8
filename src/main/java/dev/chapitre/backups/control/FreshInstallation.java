package dev.chapitre.backups.control;

import dev.chapitre.backups.entity.UnusableArchive;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.Message;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a database may receive a restore: only an installation that holds nothing yet, so a
 * restore never overwrites anyone's work. A fresh installation is not quite without rows: at its
 * first start it made its first admin (who signs in to restore) and its secrets; those are replaced
 * by the archive's, so the restored producers, passwords and tokens are the ones that work afterwards.
 * It may also have read its download log (lines that counted nothing: it holds no downloads).
 */
public final class FreshInstallation {

    /** The tables a fresh installation fills by itself; a restore replaces their rows. */
    public static final Set<String> MADE_AT_FIRST_START = Set.of("producer", "api_token", "studio_session", "rating_secret", "listener_salt",
            "download_log_position");
    private static final int FIRST_ADMIN_ONLY = 1;

    private FreshInstallation() {
    }

    /** Refuses (409) a database that holds what a fresh installation would not. */
    public static void requireEmpty(Connection connection, Schema schema) throws SQLException {
        Message found = null; // "episode: 3 rows, rating: 1 row"
        for (var table : schema.tables()) {
            long rows = count(connection, "SELECT COUNT(*) FROM " + table.name());
            boolean allowed = table.name().equals("producer") ? rows <= FIRST_ADMIN_ONLY : MADE_AT_FIRST_START.contains(table.name());
            if (rows > 0 && !allowed) {
                var these = rows == 1 ? Message.of("backups.notEmpty.row", table.name(), rows)
                        : Message.of("backups.notEmpty.rows", table.name(), rows);
                found = found == null ? these : Message.of("backups.notEmpty.list", found, these);
            }
        }
        if (found != null) {
            throw ProblemException.conflict("backups.notEmpty", found);
        }
    }

    /** The restored rows replace the first admin: without an admin among them nobody could run the platform. */
    static void requireAnAdmin(Connection connection) throws SQLException {
        if (count(connection, "SELECT COUNT(*) FROM producer WHERE admin = TRUE") == 0) {
            throw new UnusableArchive("It has no admin producer: after restoring it nobody could administer the platform.");
        }
    }

    private static long count(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
