package dev.chapitre.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repairs of databases from before Flyway, on the H2 that Payara bundles, in the mode the platform uses. */
class LegacyH2SchemaTest {

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

            LegacyH2Schema.convertInstants(db);
            LegacyH2Schema.convertInstants(db); // a second run finds nothing to do

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
        assertThrows(IllegalStateException.class, () -> LegacyH2Schema.deserialize(bytes.toByteArray()));
    }

    @Test
    void chapterTitlesAreWidenedForEmoji() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:wide;MODE=LEGACY")) {
            run(db, "CREATE TABLE EPISODE_CHAPTER (EPISODE_ID BIGINT, TITLE VARCHAR(255) NOT NULL)");
            LegacyH2Schema.widenTextColumns(db);
            LegacyH2Schema.widenTextColumns(db);
            run(db, "INSERT INTO EPISODE_CHAPTER VALUES (1, '" + "🎙️".repeat(127) + "')");
            assertEquals(List.of(510L), longs(db, "SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS "
                    + "WHERE TABLE_NAME = 'EPISODE_CHAPTER' AND COLUMN_NAME = 'TITLE'"));
        }
    }

    @Test
    void twoListenersBehindOneAddressCanEachHaveARatingAndOldRatingsStillCount() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:ratings;MODE=LEGACY")) {
            run(db, "CREATE TABLE RATING (ID BIGINT AUTO_INCREMENT PRIMARY KEY, PODCASTID BIGINT NOT NULL, EPISODEID BIGINT, "
                    + "TARGET VARCHAR(40) NOT NULL, LISTENERHASH VARCHAR(64) NOT NULL, VISITORID VARCHAR(64) NOT NULL, "
                    + "STARS INTEGER NOT NULL, COMMENT VARCHAR(2000), HIDDEN BOOLEAN NOT NULL, CREATEDAT BIGINT NOT NULL, "
                    + "UPDATEDAT BIGINT NOT NULL, CONSTRAINT RATING_TARGET_LISTENER UNIQUE (TARGET, LISTENERHASH), "
                    + "CONSTRAINT RATING_TARGET_VISITOR UNIQUE (TARGET, VISITORID))");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, LISTENERHASH, VISITORID, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'old-hash', 'visitor-1', 4, FALSE, 1, 1)");
            // what EclipseLink's create-or-extend added at deploy, from the entity's column definitions
            run(db, "ALTER TABLE RATING ADD ADDRESSHASH VARCHAR(64)");
            run(db, "ALTER TABLE RATING ADD HELD BOOLEAN DEFAULT FALSE NOT NULL");

            LegacyH2Schema.forgetRatingsPerAddress(db);
            LegacyH2Schema.forgetRatingsPerAddress(db); // a second run finds nothing to do

            assertEquals(0L, count(db, "SELECT COUNT(*) FROM RATING WHERE HELD"), "a rating from before counts");
            assertEquals(0L, count(db, "SELECT COUNT(*) FROM RATING WHERE LISTENERHASH IS NOT NULL"), "the old hash is forgotten");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, ADDRESSHASH, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'visitor-2', 'same-address', 5, FALSE, 2, 2)");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, ADDRESSHASH, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'visitor-3', 'same-address', 3, FALSE, 3, 3)");
            assertEquals(3L, count(db, "SELECT COUNT(*) FROM RATING"));
            assertThrows(SQLException.class, () -> run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, STARS, HIDDEN, "
                    + "CREATEDAT, UPDATEDAT) VALUES (1, 'show:1', 'visitor-2', 1, FALSE, 4, 4)"), "still one rating per cookie and target");
        }
    }

    @Test
    void eclipseLinksForeignKeysGetV1sDeleteRules() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:keys;MODE=LEGACY")) {
            run(db, "CREATE TABLE EPISODE (ID BIGINT PRIMARY KEY)");
            run(db, "CREATE TABLE EPISODE_CHAPTER (EPISODE_ID BIGINT, TITLE VARCHAR(510))");
            run(db, "ALTER TABLE EPISODE_CHAPTER ADD CONSTRAINT FK_EPISODE_CHAPTER_EPISODE_ID FOREIGN KEY (EPISODE_ID) REFERENCES EPISODE (ID)");
            run(db, "INSERT INTO EPISODE VALUES (1)");
            run(db, "INSERT INTO EPISODE_CHAPTER VALUES (1, 'Intro')");

            LegacyH2Schema.applyDeleteRules(db);
            LegacyH2Schema.applyDeleteRules(db);

            run(db, "DELETE FROM EPISODE WHERE ID = 1");
            assertEquals(0L, count(db, "SELECT COUNT(*) FROM EPISODE_CHAPTER"), "an episode's chapters go with it");
        }
    }

    @Test
    void onADatabaseThatV1MadeThereIsNothingToRepair() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:fresh;MODE=LEGACY")) {
            var v1 = new String(LegacyH2SchemaTest.class.getResourceAsStream("/db/migration/common/V1__schema.sql").readAllBytes(),
                    StandardCharsets.UTF_8);
            for (var statement : v1.replaceAll("(?m)^\\s*--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    run(db, statement);
                }
            }
            var before = schema(db);
            LegacyH2Schema.repair(db);
            assertEquals(before, schema(db));
        }
    }

    private static List<String> schema(Connection db) throws SQLException {
        var lines = new ArrayList<String>();
        try (var statement = db.createStatement(); var result = statement.executeQuery("SCRIPT NODATA")) {
            while (result.next()) {
                lines.add(result.getString(1));
            }
        }
        return lines;
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

    private static long count(Connection db, String sql) throws SQLException {
        return longs(db, sql).get(0);
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
