package dev.chapitre.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the configuration picks the database and what an operator reads when it cannot be reached. */
class ChapitreDataSourceTest {

    @TempDir
    Path dir;

    @Test
    void anEmptyUrlIsTheEmbeddedH2WithItsDurableSettings() {
        var source = new ChapitreDataSource();
        source.setUrl("");
        assertFalse(source.isPostgreSql());
        assertEquals("jdbc:h2:synced:file:" + dir.resolve("db/chapitre") + ";WRITE_DELAY=0;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
                ChapitreDataSource.h2Url(dir.toString()));
        source.setUrl("jdbc:postgresql://db.example:5432/chapitre");
        assertTrue(source.isPostgreSql());
    }

    @Test
    void thePasswordFileWinsWithoutItsTrailingNewline() throws Exception {
        var source = new ChapitreDataSource();
        source.setPassword("from-the-environment");
        assertEquals("from-the-environment", source.password());
        var secret = Files.writeString(dir.resolve("db-password"), "s3cret with spaces \n");
        source.setPasswordFile(secret.toString());
        assertEquals("s3cret with spaces ", source.password());
        Files.writeString(secret, "rotated\r\n");
        assertEquals("rotated", source.password(), "read again for each new connection");
    }

    @Test
    void eachCauseIsNamedSoTheOperatorKnowsWhatToFix() {
        var source = new ChapitreDataSource();
        source.setUrl("jdbc:postgresql://db.example:5432/chapitre");
        source.setUser("chapitre");
        assertTrue(source.cause(new SQLException("Connection refused", "08001")).contains("cannot be reached"));
        assertTrue(source.cause(new SQLException("password authentication failed", "28P01")).contains("refused user \"chapitre\""));
        assertTrue(source.cause(new SQLException("database \"chapitre\" does not exist", "3D000")).contains("does not exist"));
    }
}
