package dev.chapitre.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.backups.control.ArchiveWriter;
import dev.chapitre.backups.control.Schema;
import dev.chapitre.backups.control.TableLoader;
import dev.chapitre.backups.control.VerifiedArchive;
import dev.chapitre.backups.entity.UnusableArchive;
import dev.chapitre.media.control.FileSystemMediaStorage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive itself, on real databases (in-memory H2 migrated by the release's own migrations):
 * what is written is restored row for row, a row committed while the backup reads is in it
 * entirely or not at all, and archives whose entries were changed and re-signed are refused by the
 * deeper checks before anything is written.
 */
class ArchiveRoundTripTest {

    @TempDir
    Path dataDir;

    DataSource source;
    FileSystemMediaStorage media;

    @BeforeEach
    void aPlatformWithAShow() throws Exception {
        source = migrated();
        media = new FileSystemMediaStorage(dataDir.toString());
        execute(source, "INSERT INTO producer (email, name, passwordhash, admin, createdat) VALUES ('admin@x.test', 'Admin', 'h', TRUE, 1)",
                "INSERT INTO podcast (guid, slug, owner_id, title, description, language, type, createdat, updatedat) "
                        + "VALUES ('g1', 'epique', 1, 'Épique « un » 🎙️', '" + "’«»".repeat(30_000) + "', 'fr', 'episodic', 1764511385123456, 2)",
                "INSERT INTO rating_secret (id, secret) VALUES (1, X'00ff10')",
                "INSERT INTO listener_salt (salt_day, salt) VALUES (DATE '2026-11-30', X'0102')",
                "INSERT INTO podcast_person (podcast_id, position, name, role, grp) VALUES (1, 0, 'Lucie', 'host', 'cast')");
    }

    @Test
    void whatIsBackedUpIsRestoredRowForRowAndIdsContinue() throws Exception {
        var archive = backup(source);
        var target = migrated();
        execute(target, "INSERT INTO producer (email, name, passwordhash, admin, createdat) VALUES ('first@new.test', 'First', 'h', TRUE, 9)");

        restore(archive, target);

        for (var table : List.of("producer", "podcast", "podcast_person", "rating_secret", "listener_salt")) {
            assertEquals(rows(source, table), rows(target, table), table);
        }
        execute(target, "INSERT INTO producer (email, name, passwordhash, admin, createdat) VALUES ('next@new.test', 'Next', 'h', FALSE, 3)");
        assertEquals(List.of("1 admin@x.test", "2 next@new.test"), rows(target, "producer").stream()
                .map(r -> r.split("\\|")[0] + " " + r.split("\\|")[1]).toList(), "the restored ids, then the next one");
    }

    @Test
    void aRowCommittedWhileTheBackupReadsIsNotHalfInIt() throws Exception {
        // the first table read is "download"; a show and its episode are committed right after it
        var busy = afterFirstQuery(source, () -> execute(source,
                "INSERT INTO podcast (guid, slug, owner_id, title, language, type, createdat, updatedat) VALUES ('g2', 'deux', 1, 'Deux', 'fr', 'episodic', 1, 1)",
                "INSERT INTO episode (guid, podcast_id, slug, title, type, audio_key, audio_length, audio_duration_ms, audio_bitrate, "
                        + "audio_revision, createdat, updatedat) VALUES ('e1', 2, 'un', 'Un', 'full', 'episodes/x.mp3', 1, 1, 128, 1, 1, 1)"));
        var entries = entries(backup(busy));
        assertFalse(table(entries, "podcast").contains("\"deux\""));
        assertEquals("", table(entries, "episode"), "one snapshot: neither");
        assertEquals(2, rows(source, "podcast").size(), "while the rows were committed");
    }

    @Test
    void rowsThatDoNotFitTheirColumnsAreRefusedBeforeAnythingIsWritten() throws Exception {
        var archive = backup(source);
        assertRefused(resigned(archive, "podcast", rows -> rows.replace("\"title\":\"Épique", "\"title\":null,\"x\":\"")),
                "not in the manifest");
        assertRefused(resigned(archive, "podcast", rows -> rows.replaceFirst("\"title\":\"[^\"]*\",", "")),
                "the column title has no value, and it needs one");
        assertRefused(resigned(archive, "podcast", rows -> rows.replace("\n", " ".repeat(9 * 1024 * 1024) + "\n")),
                "longer than");
        assertRefused(resigned(archive, "producer", rows -> rows.replace("\"admin\":true", "\"admin\":false")),
                "no admin producer");
        assertRefused(resigned(archive, "podcast", rows -> rows.replace("\"language\":\"fr\"", "\"language\":\"" + "x".repeat(40) + "\"")),
                "do not fit this database");
    }

    private void assertRefused(byte[] archive, String reason) throws Exception {
        var target = migrated();
        execute(target, "INSERT INTO producer (email, name, passwordhash, admin, createdat) VALUES ('first@new.test', 'First', 'h', TRUE, 9)");
        var before = rows(target, "producer");
        var refused = assertThrows(UnusableArchive.class, () -> restore(archive, target));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        assertEquals(before, rows(target, "producer"), "nothing was written");
        assertEquals(List.of(), rows(target, "podcast"));
    }

    private byte[] backup(DataSource database) throws Exception {
        var out = new ByteArrayOutputStream();
        new ArchiveWriter(database, media).write(out, Instant.parse("2026-11-30T14:00:00Z"), "1", false);
        return out.toByteArray();
    }

    private void restore(byte[] archive, DataSource target) throws Exception {
        var file = Files.write(dataDir.resolve(UUID.randomUUID() + ".zip"), archive);
        try (var connection = target.getConnection()) {
            var schema = Schema.of(connection);
            try (var verified = VerifiedArchive.of(file, schema, false)) {
                TableLoader.load(connection, schema, verified, false);
            }
        }
    }

    /** The archive with one entry changed and the manifest made to agree (its SHA-256 and row count). */
    private static byte[] resigned(byte[] archive, String table, UnaryOperator<String> change) throws Exception {
        var entries = entries(archive);
        var entry = entryOf(entries, table);
        var changed = change.apply(new String(entries.get(entry), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        entries.put(entry, changed);
        var manifest = Json.createReader(new ByteArrayInputStream(entries.get("manifest.json"))).readObject();
        var tables = Json.createArrayBuilder();
        for (var described : manifest.getJsonArray("tables").getValuesAs(JsonObject.class)) {
            tables.add(described.getString("entry").equals(entry) ? Json.createObjectBuilder(described)
                    .add("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(changed)))
                    .add("rows", new String(changed, StandardCharsets.UTF_8).lines().count()).build() : described);
        }
        entries.put("manifest.json", Json.createObjectBuilder(manifest).add("tables", tables).build().toString().getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String entryOf(Map<String, byte[]> entries, String table) {
        return entries.keySet().stream().filter(name -> name.matches("tables/\\d+-" + table + "\\.jsonl")).findFirst().orElseThrow();
    }

    private static String table(Map<String, byte[]> entries, String table) {
        return new String(entries.get(entryOf(entries, table)), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> entries(byte[] archive) throws Exception {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static DataSource migrated() {
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common").load().migrate();
        return h2;
    }

    private static void execute(DataSource database, String... statements) {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            for (var sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(DataSource database, String table) throws SQLException {
        var rows = new ArrayList<String>();
        try (var connection = database.getConnection(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            while (result.next()) {
                var row = new StringBuilder();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    var value = result.getObject(i);
                    row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** A data source whose connections run {@code hook} once, right after the first query of them all. */
    private static DataSource afterFirstQuery(DataSource database, Runnable hook) {
        boolean[] ran = {false};
        After onQuery = (method, result) -> {
            if (method.equals("executeQuery") && !ran[0]) {
                ran[0] = true;
                hook.run();
            }
            return result;
        };
        After onStatement = (method, result) -> result instanceof Statement statement ? wrap(statement, Statement.class, onQuery) : result;
        return wrap(database, DataSource.class,
                (method, result) -> result instanceof Connection connection ? wrap(connection, Connection.class, onStatement) : result);
    }

    private interface After {
        Object apply(String method, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type, After after) {
        return (T) Proxy.newProxyInstance(ArchiveRoundTripTest.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return after.apply(method.getName(), method.invoke(target, args));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
