package dev.chapitre.backups.control;

import dev.chapitre.backups.entity.Manifest;
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
 * Writes a verified archive's rows into the database in one transaction: what a fresh installation
 * made by itself (its first admin, its secrets: {@link FreshInstallation#MADE_AT_FIRST_START}) is
 * deleted, and nothing else, so a row that another request wrote meanwhile is kept (and the restore
 * fails on it rather than erasing it); every table is filled parents first with batched inserts, and
 * each identity column is moved past the largest id restored (neither database moves it for explicit
 * ids). A failure rolls everything back.
 */
public final class TableLoader {

    private static final int BATCH = 500;

    private TableLoader() {
    }

    /** Rows restored per table, in the order they were written. */
    public static Map<String, Long> load(Connection connection, Schema target, VerifiedArchive archive, boolean postgreSql)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            var reversed = new ArrayList<>(target.tables());
            Collections.reverse(reversed);
            for (var table : reversed) {
                if (!FreshInstallation.MADE_AT_FIRST_START.contains(table.name())) {
                    continue;
                }
                try (var statement = connection.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + table.name());
                }
            }
            var restored = new LinkedHashMap<String, Long>();
            for (var table : target.tables()) {
                var entry = archive.manifest().table(table.name());
                if (entry.isPresent()) {
                    restored.put(table.name(), insert(connection, table, entry.get(), archive));
                }
            }
            // H2 commits on any DDL, so there the identities move after the commit (and again at
            // every start, IdentityRecovery); PostgreSQL moves them inside the transaction.
            if (postgreSql) {
                restartIdentities(connection, target);
            }
            connection.commit();
            if (!postgreSql) {
                restartIdentities(connection, target);
                connection.commit();
            }
            return restored;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static long insert(Connection connection, Table table, Manifest.TableEntry entry, VerifiedArchive archive) throws SQLException {
        var columns = entry.columns().stream().map(c -> table.column(c.name()).orElseThrow()).toList();
        var sql = "INSERT INTO " + table.name() + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        long[] rows = {0};
        try (var insert = connection.prepareStatement(sql)) {
            try {
                archive.rows(entry, row -> add(insert, columns, row, ++rows[0]));
            } catch (Failed e) {
                throw e.cause;
            }
            insert.executeBatch();
        }
        return rows[0];
    }

    private static void add(PreparedStatement insert, List<Column> columns, JsonObject row, long number) {
        try {
            for (int i = 0; i < columns.size(); i++) {
                var column = columns.get(i);
                column.type().bind(insert, i + 1, row.getOrDefault(column.name(), JsonValue.NULL), column.jdbcType());
            }
            insert.addBatch();
            if (number % BATCH == 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new Failed(e);
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
