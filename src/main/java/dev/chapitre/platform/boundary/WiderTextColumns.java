package dev.chapitre.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Text columns whose limit counts characters (code points) need two UTF-16 units per character
 * (an emoji is two). The schema generator creates new columns that wide but never widens an
 * existing one, so databases created before are widened here at start (idempotent).
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class WiderTextColumns {

    private static final Logger LOG = Logger.getLogger(WiderTextColumns.class.getName());

    record Column(String table, String column, int length) {
    }

    /** Must match the entities' {@code @Column(length = …)}. */
    static final List<Column> COLUMNS = List.of(new Column("EPISODE_CHAPTER", "TITLE", 510));

    @Resource(lookup = "java:app/jdbc/chapitre")
    javax.sql.DataSource dataSource;

    @PostConstruct
    void widen() {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (var column : COLUMNS) {
                widenColumn(connection, column);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not widen the text columns; the next start tries again", e);
        }
    }

    private static void widenColumn(Connection connection, Column column) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            statement.setString(1, column.table());
            statement.setString(2, column.column());
            try (var result = statement.executeQuery()) {
                if (!result.next() || result.getLong(1) >= column.length()) {
                    return;
                }
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + column.table() + " ALTER COLUMN " + column.column()
                    + " SET DATA TYPE VARCHAR(" + column.length() + ")");
        }
        LOG.info("Widened " + column.table() + "." + column.column() + " to " + column.length() + " characters.");
    }
}
