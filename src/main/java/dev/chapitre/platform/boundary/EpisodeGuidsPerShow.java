package dev.chapitre.platform.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 5, both databases: an episode's guid stops being unique across the platform (V5.1 makes
 * it unique per show). Shows moved in from other hosts keep their items' guids exactly, and two
 * hosts may well have used the same ones ("1", "2"… or a WordPress post URL copied between shows).
 * The old constraint is found by what it covers, not by name: on an H2 database from before Flyway,
 * EclipseLink's generated name is not V1's {@code episode_guid}.
 */
public class EpisodeGuidsPerShow implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("5");
    }

    @Override
    public String getDescription() {
        return "episode guids unique per show";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        var connection = context.getConnection();
        for (var name : uniqueOnGuidAlone(connection)) {
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE episode DROP CONSTRAINT \"" + name + "\"");
            }
        }
    }

    /** The names of the UNIQUE constraints of {@code episode} whose only column is {@code guid}. */
    static List<String> uniqueOnGuidAlone(Connection connection) throws SQLException {
        var names = new ArrayList<String>();
        try (var query = connection.prepareStatement("SELECT c.constraint_name FROM information_schema.table_constraints c"
                + " JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name"
                + " AND k.constraint_schema = c.constraint_schema AND k.table_name = c.table_name"
                + " WHERE LOWER(c.table_name) = 'episode' AND c.constraint_type = 'UNIQUE'"
                + " GROUP BY c.constraint_name HAVING COUNT(*) = 1 AND MAX(LOWER(k.column_name)) = 'guid'");
             var rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
