package dev.chapitre.platform.boundary;

import dev.chapitre.platform.entity.InstantColumn;
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
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 1.1, H2 only: brings an embedded database that EclipseLink made before Flyway (marked
 * as version 0, then given V1's missing indexes) to exactly V1's schema. These were start-up beans
 * before; on a database V1 created they find nothing to do. H2 commits each DDL statement on its
 * own, so every step checks before it acts and can run again after an interruption.
 * <ul>
 * <li>Instants stored as serialized Java objects (VARBINARY, before {@link InstantColumn}) become
 * BIGINT microseconds, with their constraints and indexes.</li>
 * <li>Chapter titles, whose limit counts characters, are widened to two UTF-16 units each.</li>
 * <li>Ratings lose the old uniqueness per address and User-Agent hash (a listener is their cookie).</li>
 * <li>EclipseLink's foreign keys, which had no delete rule, get V1's.</li>
 * </ul>
 */
public class LegacyH2Schema implements JavaMigration {

    private static final Logger LOG = Logger.getLogger(LegacyH2Schema.class.getName());

    /** Every Instant attribute's table and column, as EclipseLink names them. */
    static final List<String[]> INSTANT_COLUMNS = List.of(new String[] {"PRODUCER", "CREATEDAT"}, new String[] {"API_TOKEN", "CREATEDAT"},
            new String[] {"PODCAST", "CREATEDAT"}, new String[] {"PODCAST", "UPDATEDAT"}, new String[] {"EPISODE", "CREATEDAT"},
            new String[] {"EPISODE", "UPDATEDAT"}, new String[] {"EPISODE", "PUBLISHEDAT"}, new String[] {"DOWNLOAD", "COUNTEDAT"});

    record WideColumn(String table, String column, int length) {
    }

    /** Must match V1 and the entities' {@code @Column(length = …)}. */
    static final List<WideColumn> WIDE_COLUMNS = List.of(new WideColumn("EPISODE_CHAPTER", "TITLE", 510));

    record ForeignKey(String name, String table, String column, String parent, String onDelete) {
    }

    /** V1's foreign keys, named as EclipseLink named them. */
    static final List<ForeignKey> FOREIGN_KEYS = List.of(
            new ForeignKey("FK_API_TOKEN_PRODUCER_ID", "API_TOKEN", "PRODUCER_ID", "PRODUCER", "CASCADE"),
            new ForeignKey("FK_STUDIO_SESSION_PRODUCER_ID", "STUDIO_SESSION", "PRODUCER_ID", "PRODUCER", "CASCADE"),
            new ForeignKey("FK_PODCAST_OWNER_ID", "PODCAST", "OWNER_ID", "PRODUCER", "RESTRICT"),
            new ForeignKey("FK_PODCAST_PERSON_PODCAST_ID", "PODCAST_PERSON", "PODCAST_ID", "PODCAST", "CASCADE"),
            new ForeignKey("FK_EPISODE_PODCAST_ID", "EPISODE", "PODCAST_ID", "PODCAST", "CASCADE"),
            new ForeignKey("FK_EPISODE_PERSON_EPISODE_ID", "EPISODE_PERSON", "EPISODE_ID", "EPISODE", "CASCADE"),
            new ForeignKey("FK_EPISODE_CHAPTER_EPISODE_ID", "EPISODE_CHAPTER", "EPISODE_ID", "EPISODE", "CASCADE"));

    private record Index(String name, String table, String columns, boolean unique) {
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.1");
    }

    @Override
    public String getDescription() {
        return "H2 databases from before Flyway";
    }

    /** Flyway checks that an applied migration has not changed; this one is code, so a number stands for its content. */
    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false; // H2 commits DDL statement by statement anyway
    }

    @Override
    public void migrate(Context context) throws SQLException {
        repair(context.getConnection());
    }

    static void repair(Connection connection) throws SQLException {
        convertInstants(connection);
        widenTextColumns(connection);
        forgetRatingsPerAddress(connection);
        applyDeleteRules(connection);
    }

    static void convertInstants(Connection connection) throws SQLException {
        int converted = 0;
        for (var column : INSTANT_COLUMNS) {
            if (describe(connection, column[0], column[1], "DATA_TYPE").filter(type -> type.contains("BINARY")).isPresent()) {
                convert(connection, column[0], column[1]);
                converted++;
            }
        }
        if (converted > 0) {
            LOG.info("Converted " + converted + " date columns from serialized Java objects to microseconds.");
        }
    }

    /** One property of a column in INFORMATION_SCHEMA.COLUMNS; empty when there is no such column. */
    private static Optional<String> describe(Connection connection, String table, String column, String property)
            throws SQLException {
        try (var statement = connection.prepareStatement("SELECT " + property + " FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND COLUMN_NAME = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (var result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static void convert(Connection connection, String table, String column) throws SQLException {
        var indexes = indexesOn(connection, table, column);
        boolean notNull = describe(connection, table, column, "IS_NULLABLE").filter("NO"::equals).isPresent();
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

    /** EclipseLink made new columns this wide but never widened an existing one. */
    static void widenTextColumns(Connection connection) throws SQLException {
        for (var column : WIDE_COLUMNS) {
            var length = describe(connection, column.table(), column.column(), "CHARACTER_MAXIMUM_LENGTH").map(Long::parseLong);
            if (length.isPresent() && length.get() < column.length()) {
                try (var statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + column.table() + " ALTER COLUMN " + column.column()
                            + " SET DATA TYPE VARCHAR(" + column.length() + ")");
                }
                LOG.info("Widened " + column.table() + "." + column.column() + " to " + column.length() + " characters.");
            }
        }
    }

    /**
     * Ratings used to be unique per target and hash of address + User-Agent, so a second listener
     * behind the same address (same browser) overwrote the first one's rating. A listener is now
     * their cookie alone: the constraint goes, and the hash, which nothing reads any more, is forgotten.
     */
    static void forgetRatingsPerAddress(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("ALTER TABLE RATING DROP CONSTRAINT IF EXISTS RATING_TARGET_LISTENER");
            if (describe(connection, "RATING", "LISTENERHASH", "DATA_TYPE").isPresent()) {
                statement.execute("ALTER TABLE RATING ALTER COLUMN LISTENERHASH DROP NOT NULL");
                int forgotten = statement.executeUpdate("UPDATE RATING SET LISTENERHASH = NULL WHERE LISTENERHASH IS NOT NULL");
                if (forgotten > 0) {
                    LOG.info("Forgot the address and User-Agent hashes of " + forgotten + " ratings: a listener is now their cookie.");
                }
            }
        }
    }

    /** Replaces a foreign key whose delete rule is not V1's (EclipseLink's had none). */
    static void applyDeleteRules(Connection connection) throws SQLException {
        for (var key : FOREIGN_KEYS) {
            var rule = deleteRule(connection, key.name());
            if (rule.isPresent() && !rule.get().equals(key.onDelete())) {
                try (var statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT IF EXISTS " + key.name());
                    statement.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + key.name() + " FOREIGN KEY (" + key.column()
                            + ") REFERENCES " + key.parent() + " (ID) ON DELETE " + key.onDelete());
                }
            }
        }
    }

    private static Optional<String> deleteRule(Connection connection, String constraint) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT DELETE_RULE FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = 'PUBLIC' AND CONSTRAINT_NAME = ?")) {
            statement.setString(1, constraint);
            try (var result = statement.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }
}
