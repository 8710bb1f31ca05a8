package dev.chapitre.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversion of old databases, on the H2 that Payara bundles, in the mode the platform uses. */
class InstantColumnsMigrationTest {

    static final Instant FIRST = Instant.parse("2026-01-05T06:00:00.123456Z");
    static final Instant SECOND = Instant.parse("2026-02-02T06:00:00Z");

    @Test
    void serializedInstantsBecomeMicrosecondsWithTheirConstraintsAndIndexes() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:migration;MODE=LEGACY")) {
            run(db, "CREATE TABLE DOWNLOAD (ID BIGINT PRIMARY KEY, EPISODEID BIGINT, COUNTEDAT VARBINARY(255) NOT NULL)");
            run(db, "CREATE INDEX DOWNLOAD_EPISODE_CLIENT ON DOWNLOAD (EPISODEID, COUNTEDAT)");
            run(db, "CREATE TABLE EPISODE (ID BIGINT PRIMARY KEY, PUBLISHEDAT VARBINARY(255), CREATEDAT VARBINARY(255) NOT NULL, "
                    + "UPDATEDAT VARBINARY(255) NOT NULL)");
            insert(db, "INSERT INTO DOWNLOAD VALUES (?, 7, ?)", 1, FIRST);
            insert(db, "INSERT INTO DOWNLOAD VALUES (?, 7, ?)", 2, SECOND);
            try (var statement = db.prepareStatement("INSERT INTO EPISODE VALUES (1, NULL, ?, ?)")) {
                statement.setBytes(1, serialized(FIRST));
                statement.setBytes(2, serialized(SECOND));
                statement.executeUpdate();
            }

            InstantColumnsMigration.convertAll(db);
            InstantColumnsMigration.convertAll(db); // a second start finds nothing to do

            assertEquals(List.of(micros(FIRST), micros(SECOND)), longs(db, "SELECT COUNTEDAT FROM DOWNLOAD ORDER BY ID"));
            assertEquals(List.of(micros(FIRST)), longs(db, "SELECT CREATEDAT FROM EPISODE"));
            assertEquals(List.of(micros(SECOND)), longs(db, "SELECT UPDATEDAT FROM EPISODE"));
            assertEquals(List.of(1L), longs(db, "SELECT COUNT(*) FROM EPISODE WHERE PUBLISHEDAT IS NULL"));
            assertEquals(List.of(2L), longs(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                    + "WHERE INDEX_NAME = 'DOWNLOAD_EPISODE_CLIENT'"));
            assertThrows(SQLException.class, () -> run(db, "INSERT INTO DOWNLOAD VALUES (3, 7, NULL)"), "NOT NULL is kept");
        }
    }

    @Test
    void refusesAnythingButAnInstant() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(List.of("not a date")));
        }
        assertThrows(IllegalStateException.class, () -> InstantColumnsMigration.deserialize(bytes.toByteArray()));
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }

    private static byte[] serialized(Instant instant) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(instant);
        }
        return bytes.toByteArray();
    }

    private static void insert(Connection db, String sql, long id, Instant instant) throws Exception {
        try (var statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.setBytes(2, serialized(instant));
            statement.executeUpdate();
        }
    }

    private static void run(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        var values = new ArrayList<Long>();
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getLong(1));
            }
        }
        return values;
    }
}
