package dev.chapitre.backups.control;

import dev.chapitre.backups.entity.Manifest;
import dev.chapitre.backups.entity.UnusableArchive;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a verified archive's rows into the database in one transaction. Inside it, the database
 * is checked to be empty again (the check before the media were published ran outside), and only
 * what a fresh installation made by itself ({@link FreshInstallation#MADE_AT_FIRST_START}: its
 * first admin, its secrets) is deleted. Every table is filled parents first with batched inserts,
 * the archive must have brought an admin, and each identity column is moved past the largest id
 * restored (neither database moves it for explicit ids; on H2 as on PostgreSQL this DDL stays in
 * the transaction). A failure rolls everything back.
 */
public final class TableLoader {

    private static final int BATCH = 500;
    /** One restore at a time across every instance on one PostgreSQL database. */
    private static final long RESTORE_LOCK = 0x43686170_52657374L; // "ChapRest"

    private TableLoader() {
    }

    /** Rows restored per table, in the order they were written. */
    public static Map<String, Long> load(Connection connection, Schema target, VerifiedArchive archive, boolean postgreSql)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            if (postgreSql) {
                try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, RESTORE_LOCK);
                    lock.execute();
                }
            }
            FreshInstallation.requireEmpty(connection, target);
            deleteWhatAFreshInstallationMade(connection, target);
            var restored = new LinkedHashMap<String, Long>();
            for (var table : target.tables()) {
                var entry = archive.manifest().table(table.name());
                if (entry.isPresent()) {
                    restored.put(table.name(), insert(connection, table, entry.get(), archive));
                }
            }
            FreshInstallation.requireAnAdmin(connection);
            restartIdentities(connection, target);
            connection.commit();
            return restored;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static void deleteWhatAFreshInstallationMade(Connection connection, Schema target) throws SQLException {
        var childrenFirst = new ArrayList<>(target.tables());
        Collections.reverse(childrenFirst);
        for (var table : childrenFirst) {
            if (FreshInstallation.MADE_AT_FIRST_START.contains(table.name())) {
                try (var statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + table.name());
                }
            }
        }
    }

    private static long insert(Connection connection, Table table, Manifest.TableEntry entry, VerifiedArchive archive) throws SQLException {
        var retired = archive.retiredColumns(table.name());
        var columns = entry.columns().stream().filter(c -> !retired.contains(c.name())).map(c -> table.column(c.name()).orElseThrow()).toList();
        var sql = "INSERT INTO " + table.name() + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long[] rows = {0};
        try (var insert = connection.prepareStatement(sql)) {
            archive.rows(entry, row -> add(insert, columns, row, ++rows[0], table));
            execute(insert, table, rows[0]);
        } catch (Failed e) {
            throw e.cause;
        }
        return rows[0];
    }

    private static void add(PreparedStatement insert, List<Column> columns, JsonObject row, long number, Table table) {
        try {
            for (int i = 0; i < columns.size(); i++) {
                var column = columns.get(i);
                column.type().bind(insert, i + 1, row.getOrDefault(column.name(), JsonValue.NULL), column.jdbcType());
            }
            insert.addBatch();
            if (number % BATCH == 0) {
                execute(insert, table, number);
            }
        } catch (SQLException e) {
            throw new Failed(e);
        }
    }

    /**
     * A row the checks let through that the database still refuses (a text longer than its column,
     * a key or reference that does not hold): the archive's fault, answered as such.
     */
    private static void execute(PreparedStatement insert, Table table, long upTo) throws SQLException {
        try {
            insert.executeBatch();
        } catch (SQLException e) {
            var state = String.valueOf(e.getSQLState());
            if (state.startsWith("22") || state.startsWith("23")) {
                var cause = e.getNextException() != null ? e.getNextException() : e;
                throw new UnusableArchive("The rows of the table " + table.name() + " (up to row " + upTo
                        + ") do not fit this database: " + cause.getMessage());
            }
            throw e;
        }
    }

    private static void restartIdentities(Connection connection, Schema target) throws SQLException {
        for (var table : target.tables()) {
            var identity = table.identity();
            if (identity.isPresent()) {
                long next;
                try (var statement = connection.createStatement();
                     var result = statement.executeQuery("SELECT COALESCE(MAX(" + identity.get().name() + "), 0) + 1 FROM " + table.name())) {
                    result.next();
                    next = result.getLong(1);
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + table.name() + " ALTER COLUMN " + identity.get().name() + " RESTART WITH " + next);
                }
            }
        }
    }

    /** Carries a database failure out of the row callback. */
    private static final class Failed extends RuntimeException {
        final SQLException cause;

        Failed(SQLException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
