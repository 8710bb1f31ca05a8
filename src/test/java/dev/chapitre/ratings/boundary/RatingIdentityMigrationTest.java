package dev.chapitre.ratings.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database from before holding, as EclipseLink made it, on the H2 that Payara bundles. */
class RatingIdentityMigrationTest {

    @Test
    void twoListenersBehindOneAddressCanEachHaveARatingAndOldRatingsStillCount() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:ratings;MODE=LEGACY")) {
            run(db, "CREATE TABLE RATING (ID BIGINT AUTO_INCREMENT PRIMARY KEY, PODCASTID BIGINT NOT NULL, EPISODEID BIGINT, "
                    + "TARGET VARCHAR(40) NOT NULL, LISTENERHASH VARCHAR(64) NOT NULL, VISITORID VARCHAR(64) NOT NULL, "
                    + "STARS INTEGER NOT NULL, COMMENT VARCHAR(2000), HIDDEN BOOLEAN NOT NULL, CREATEDAT BIGINT NOT NULL, "
                    + "UPDATEDAT BIGINT NOT NULL, CONSTRAINT RATING_TARGET_LISTENER UNIQUE (TARGET, LISTENERHASH), "
                    + "CONSTRAINT RATING_TARGET_VISITOR UNIQUE (TARGET, VISITORID))");
            run(db, "CREATE INDEX RATING_PODCAST ON RATING (PODCASTID, HIDDEN)");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, LISTENERHASH, VISITORID, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'old-hash', 'visitor-1', 4, FALSE, 1, 1)");
            // what EclipseLink's create-or-extend adds at deploy, from the entity's column definitions
            run(db, "ALTER TABLE RATING ADD ADDRESSHASH VARCHAR(64)");
            run(db, "ALTER TABLE RATING ADD HELD BOOLEAN DEFAULT FALSE NOT NULL");

            RatingIdentityMigration.migrateSchema(db);
            RatingIdentityMigration.migrateSchema(db); // a second start finds nothing to do

            assertEquals(0L, count(db, "SELECT COUNT(*) FROM RATING WHERE HELD"), "a rating from before counts");
            assertEquals(0L, count(db, "SELECT COUNT(*) FROM RATING WHERE LISTENERHASH IS NOT NULL"), "the old hash is forgotten");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, ADDRESSHASH, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'visitor-2', 'same-address', 5, FALSE, 2, 2)");
            run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, ADDRESSHASH, STARS, HIDDEN, CREATEDAT, UPDATEDAT) "
                    + "VALUES (1, 'show:1', 'visitor-3', 'same-address', 3, FALSE, 3, 3)");
            assertEquals(3L, count(db, "SELECT COUNT(*) FROM RATING"));
            assertThrows(SQLException.class, () -> run(db, "INSERT INTO RATING (PODCASTID, TARGET, VISITORID, STARS, HIDDEN, "
                    + "CREATEDAT, UPDATEDAT) VALUES (1, 'show:1', 'visitor-2', 1, FALSE, 4, 4)"), "still one rating per cookie and target");
            assertEquals(3L, count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_NAME = 'RATING_TARGET_ADDRESS'"));
        }
    }

    @Test
    void aNewDatabaseIsLeftToEclipseLink() throws Exception {
        try (var db = DriverManager.getConnection("jdbc:h2:mem:empty;MODE=LEGACY")) {
            RatingIdentityMigration.migrateSchema(db);
            assertEquals(0L, count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"));
        }
    }

    private static void run(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
