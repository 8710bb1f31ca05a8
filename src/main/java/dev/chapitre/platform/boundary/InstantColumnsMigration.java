package dev.chapitre.platform.boundary;

import dev.chapitre.platform.entity.InstantColumn;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Databases created before {@link InstantColumn} hold instants as serialized Java objects
 * (VARBINARY). At start, before anything reads them, each such column is converted to the BIGINT
 * microseconds the entities now expect: a new column is filled, the old one dropped, the new one
 * renamed, its indexes rebuilt. H2 commits each DDL statement on its own, so a conversion stopped
 * before the old column is dropped simply starts again at the next start.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class InstantColumnsMigration {

    private static final Logger LOG = Logger.getLogger(InstantColumnsMigration.class.getName());
    /** Every Instant attribute's table and column, as EclipseLink names them. */
    static final List<String[]> COLUMNS = List.of(new String[] {"PRODUCER", "CREATEDAT"}, new String[] {"API_TOKEN", "CREATEDAT"},
            new String[] {"PODCAST", "CREATEDAT"}, new String[] {"PODCAST", "UPDATEDAT"}, new String[] {"EPISODE", "CREATEDAT"},
            new String[] {"EPISODE", "UPDATEDAT"}, new String[] {"EPISODE", "PUBLISHEDAT"}, new String[] {"DOWNLOAD", "COUNTEDAT"});

    private record Index(String name, String table, String columns, boolean unique) {
    }

    @Resource(lookup = "java:app/jdbc/chapitre")
    javax.sql.DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            convertAll(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not convert the date columns of the database; the next start tries again", e);
        }
    }

    static void convertAll(Connection connection) throws SQLException {
        int converted = 0;
        for (var column : COLUMNS) {
            if (isBinary(connection, column[0], column[1])) {
                convert(connection, column[0], column[1]);
                converted++;
            }
        }
        if (converted > 0) {
            LOG.info("Converted " + converted + " date columns from serialized Java objects to microseconds.");
        }
    }

    private static boolean isBinary(Connection connection, String table, String column) throws SQLException {
        return describe(connection, table, column, "DATA_TYPE").filter(type -> type.contains("BINARY")).isPresent();
    }

    private static boolean isNotNull(Connection connection, String table, String column) throws SQLException {
        return describe(connection, table, column, "IS_NULLABLE").filter("NO"::equals).isPresent();
    }

    /** One property of a column in INFORMATION_SCHEMA.COLUMNS; empty when there is no such column. */
    private static Optional<String> describe(Connection connection, String table, String column, String property)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + property + " FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (var result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static void convert(Connection connection, String table, String column) throws SQLException {
        var indexes = indexesOn(connection, table, column);
        boolean notNull = isNotNull(connection, table, column);
        try (var statement = connection.createStatement()) {
            for (var index : indexes) {
                statement.execute("DROP INDEX \"" + index.name() + "\"");
            }
            statement.execute("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + column + "_MICROS BIGINT");
        }
        var converter = new InstantColumn();
        try (var select = connection.prepareStatement("SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
             var update = connection.prepareStatement("UPDATE " + table + " SET " + column + "_MICROS = ? WHERE " + column + " = ?");
             var values = select.executeQuery()) {
            while (values.next()) {
                var bytes = values.getBytes(1);
                update.setLong(1, converter.convertToDatabaseColumn(deserialize(bytes)));
                update.setBytes(2, bytes);
                update.executeUpdate();
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + table + " DROP COLUMN " + column);
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + "_MICROS RENAME TO " + column);
            if (notNull) {
                statement.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " SET NOT NULL");
            }
            for (var index : indexes) {
                statement.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX \"" + index.name() + "\" ON "
                        + index.table() + " (" + index.columns() + ")");
            }
        }
    }

    private static List<Index> indexesOn(Connection connection, String table, String column) throws SQLException {
        var indexes = new ArrayList<Index>();
        try (var statement = connection.prepareStatement("SELECT I.INDEX_NAME, I.INDEX_TYPE_NAME, "
                + "LISTAGG(C.COLUMN_NAME, ', ') WITHIN GROUP (ORDER BY C.ORDINAL_POSITION) "
                + "FROM INFORMATION_SCHEMA.INDEXES I JOIN INFORMATION_SCHEMA.INDEX_COLUMNS C "
                + "ON C.INDEX_SCHEMA = I.INDEX_SCHEMA AND C.INDEX_NAME = I.INDEX_NAME "
                + "WHERE I.TABLE_SCHEMA = 'PUBLIC' AND I.TABLE_NAME = ? AND I.INDEX_TYPE_NAME IN ('INDEX', 'UNIQUE INDEX') "
                + "GROUP BY I.INDEX_NAME, I.INDEX_TYPE_NAME "
                + "HAVING COUNT(CASE WHEN C.COLUMN_NAME = ? THEN 1 END) > 0")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    indexes.add(new Index(result.getString(1), table, result.getString(3), result.getString(2).startsWith("UNIQUE")));
                }
            }
        }
        return indexes;
    }

    /** Only an Instant may come out: the filter refuses any other class before it is loaded. */
    static Instant deserialize(byte[] bytes) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("java.time.Ser;java.time.Instant;!*"));
            return (Instant) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalStateException("A stored date is not a serialized Instant", e);
        }
    }
}
