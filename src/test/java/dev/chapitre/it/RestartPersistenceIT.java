package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's story: run the uber jar as the README says, stop it, start it again on the same
 * data directory, and everything is still there (and an upload cut off by a crash is cleaned up).
 * Configuration comes from the environment, as under systemd. On the e2e profile's PostgreSQL run,
 * the server gets a database of its own there.
 */
class RestartPersistenceIT {

    static final Map<String, String> ENVIRONMENT = Map.of("CHAPITRE_ADMIN_EMAIL", "restart-admin@chapitre.test",
            "CHAPITRE_ADMIN_PASSWORD", "restart-password-1", "CHAPITRE_BASE_URL", "https://podcasts.example.org/");

    @Test
    void dataSurvivesARestart() throws Exception {
        var dataDir = Path.of("target", "restart-data").toAbsolutePath();
        JarServer.deleteRecursively(dataDir);
        int port = JarServer.freePort();
        var base = "http://localhost:" + port;
        var admin = Api.basic(base, "restart-admin@chapitre.test", "restart-password-1");
        var environment = new HashMap<>(ENVIRONMENT);
        environment.putAll(Database.freshFor("restart"));

        var server = JarServer.start(dataDir, port, environment);
        String slug;
        try {
            var show = admin.createShow("Persistant");
            slug = show.getString("slug");
            assertEquals("https://podcasts.example.org/feeds/" + slug + ".xml", show.getString("feedUrl"),
                    "CHAPITRE_BASE_URL names the public address");
            var upload = admin.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Toujours là")
                    .add("chapters", Json.createArrayBuilder().add(Json.createObjectBuilder().add("startTime", 1.5).add("title", "Un"))).build(),
                    Fixtures.cbrMp3());
            assertEquals(201, upload.statusCode(), upload.body());
        } finally {
            server.stop();
        }
        // What the stopped server was writing: its process is gone (a start removes it at once, see WorkFilesTest);
        // another instance's unfinished file only once untouched for longer than any upload takes.
        var host = dev.chapitre.media.control.WorkFiles.newName("").split("~")[0]; // this machine, as the server names it
        var leftover = Files.writeString(dataDir.resolve("media/.staging/" + host + "~" + server.process().pid() + "~cut.part"), "half an upload");
        var abandoned = Files.writeString(dataDir.resolve("media/.staging/elsewhere~1~crashed-upload.part"), "half an upload");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofHours(4))));

        server = JarServer.start(dataDir, port, environment);
        try {
            var show = admin.get("/api/podcasts/" + slug);
            assertEquals(200, show.statusCode(), show.body());
            var episodes = Api.array(admin.get("/api/podcasts/" + slug + "/episodes"));
            assertEquals(1, episodes.size());
            var episode = episodes.getJsonObject(0);
            assertEquals("Toujours là", episode.getString("title"));
            assertEquals(1.5, episode.getJsonArray("chapters").getJsonObject(0).getJsonNumber("startTime").doubleValue());
            assertEquals(!Database.isPostgres(), Files.exists(dataDir.resolve("db/chapitre.mv.db")),
                    "an H2 database in the data directory exactly when the run is on H2");
            assertFalse(Files.exists(leftover), "a staging file of the stopped process is still there");
            assertFalse(Files.exists(abandoned), "a staging file untouched for hours is still there");
        } finally {
            server.stop();
        }
    }
}
