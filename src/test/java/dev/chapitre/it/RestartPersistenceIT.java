package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The operator's story: run the uber jar as the README says, stop it, start it again on the same
 * data directory, and everything is still there (and an upload cut off by a crash is cleaned up).
 * Configuration comes from the environment, as under systemd.
 */
class RestartPersistenceIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        var dataDir = Path.of("target", "restart-data").toAbsolutePath();
        deleteRecursively(dataDir);
        int port = freePort();
        var base = "http://localhost:" + port;
        var admin = Api.basic(base, "restart-admin@chapitre.test", "restart-password-1");

        var server = Server.start(dataDir, port);
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
        var leftover = Files.writeString(dataDir.resolve("media/.staging/crashed-upload.part"), "half an upload");

        server = Server.start(dataDir, port);
        try {
            var show = admin.get("/api/podcasts/" + slug);
            assertEquals(200, show.statusCode(), show.body());
            var episodes = Api.array(admin.get("/api/podcasts/" + slug + "/episodes"));
            assertEquals(1, episodes.size());
            var episode = episodes.getJsonObject(0);
            assertEquals("Toujours là", episode.getString("title"));
            assertEquals(1.5, episode.getJsonArray("chapters").getJsonObject(0).getJsonNumber("startTime").doubleValue());
            assertTrue(Files.exists(dataDir.resolve("db/chapitre.mv.db")));
            assertFalse(Files.exists(leftover), "a staging file from before the restart is still there");
        } finally {
            server.stop();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** `java -jar target/chapitre.jar --port N`, as the README runs it. */
    record Server(Process process) {

        static Server start(Path dataDir, int port) throws Exception {
            var jar = System.getProperty("chapitre.jar", "target/chapitre.jar");
            var log = dataDir.resolveSibling("restart-server.log").toFile();
            var builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar, "--port", String.valueOf(port), "--nocluster");
            builder.environment().put("CHAPITRE_DATA_DIR", dataDir.toString());
            builder.environment().put("CHAPITRE_ADMIN_EMAIL", "restart-admin@chapitre.test");
            builder.environment().put("CHAPITRE_ADMIN_PASSWORD", "restart-password-1");
            builder.environment().put("CHAPITRE_BASE_URL", "https://podcasts.example.org/");
            var process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .directory(dataDir.getParent().toFile())
                    .start();
            var deadline = Instant.now().plus(Duration.ofSeconds(180));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("The server exited during boot; see " + log);
                }
                try {
                    var ready = Api.anonymous().at("http://localhost:" + port).get("http://localhost:" + port + "/health/ready");
                    if (ready.statusCode() == 200) {
                        return new Server(process);
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            process.destroyForcibly();
            throw new AssertionError("The server did not become ready in time; see " + log);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
