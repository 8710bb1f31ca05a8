package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The run really is on the database it claims: the e2e profile runs the whole suite a second time
 * against a server given the build's PostgreSQL, and a server that quietly kept using H2 would make
 * that second run prove nothing.
 */
class DatabaseInUseIT {

    static final Path H2_FILE = Path.of(System.getProperty("chapitre.data.dir", "target/it-data")).resolve("db/chapitre.mv.db");

    @Test
    void aShowCreatedOverTheApiIsARowInTheConfiguredDatabase() throws SQLException {
        var show = Api.admin().createShow("Où sont les données ?");
        if (!Database.isPostgres()) {
            assertTrue(Files.exists(H2_FILE), "no chapitre.db.url: the server keeps its data in H2 at " + H2_FILE);
            return;
        }
        var titles = new ArrayList<String>();
        try (var connection = Database.connect();
                var query = connection.prepareStatement("SELECT title FROM podcast WHERE slug = ?")) {
            query.setString(1, show.getString("slug"));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    titles.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("the server was given " + Database.url() + " but its shows are not there: " + e.getMessage(), e);
        }
        assertEquals(List.of("Où sont les données ?"), titles, "the show's row in " + Database.url());
        assertFalse(Files.exists(H2_FILE), "a server on PostgreSQL keeps no H2 database beside it: " + H2_FILE);
    }
}
