package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import dev.chapitre.it.PostgresCluster;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator restarts PostgreSQL, or it fails, while Chapitre runs; or Chapitre starts before
 * its database, or with a wrong password. Listeners and producers get a clear "try again" (503 with
 * Retry-After, never a stack trace), the load balancer sees readiness DOWN, the log says once what is
 * wrong, and when the database is back the service answers by itself, without a restart.
 * <p>
 * The e2e profile runs E2E tests only in its first (H2) execution, so these start a PostgreSQL of
 * their own ({@link PostgresCluster}, under target/) and servers of their own on it: stopping it
 * disturbs nobody else's run.
 */
class DatabaseOutageE2E {

    static final String ADMIN = "outage-admin@chapitre.test";
    static final String PASSWORD = "outage-password-1";
    /** The pool re-validates and a 5 s retry loop waits for the database: well within this once it is back. */
    static final Duration RECOVERY = Duration.ofSeconds(60);
    static final Path ROOT = Path.of("target", "database-outage").toAbsolutePath();

    static PostgresCluster cluster;

    @BeforeAll
    static void startPostgreSql() throws Exception {
        JarServer.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        cluster = PostgresCluster.start(ROOT.resolve("pg"));
    }

    @AfterAll
    static void stopPostgreSql() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** A test that fails while its database is paused must not leave the next one without it. */
    @AfterEach
    void resumeIfPaused() throws Exception {
        try (var connection = DriverManager.getConnection(cluster.url("chapitre"), "chapitre", "chapitre")) {
            connection.isValid(1);
        } catch (SQLException down) {
            cluster.resume();
        }
    }

    static Map<String, String> environment(Map<String, String> database) {
        var environment = new HashMap<>(database);
        environment.putAll(Map.of("CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD,
                // one instance: no other instance has uploads pending, so leftovers are removed at once
                "CHAPITRE_ORPHAN_GRACE_MINUTES", "0",
                // a re-tag's replaced version goes at once: the test counts one file per episode
                "CHAPITRE_MEDIA_RETENTION_SECONDS", "0"));
        return environment;
    }

    @Test
    void whilePostgreSqlIsDownRequestsAreToldToRetryAndTheServiceComesBackByItself() throws Exception {
        var dataDir = ROOT.resolve("mid-run");
        var server = JarServer.start(dataDir, environment(cluster.freshDatabase("mid_run")));
        try {
            var admin = Api.basic(server.base(), ADMIN, PASSWORD);
            var issued = admin.send("POST", "/api/tokens", "application/json", "{\"label\":\"outage\"}");
            assertEquals(201, issued.statusCode(), issued.body());
            var producer = Api.bearer(Api.object(issued).getString("token")).at(server.base());
            var show = producer.createShow("Before the outage").getString("slug");
            var before = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Recorded before").build(), Fixtures.cbrMp3());
            assertEquals(201, before.statusCode(), before.body());
            var visitor = Api.anonymous().at(server.base());

            cluster.pause();

            // The first request after the crash may find a pooled connection dead; from then on the pool knows.
            var apiAnswer = Poll.until("the API answers 503 while PostgreSQL is down", RECOVERY,
                    () -> Optional.of(producer.get("/api/podcasts/" + show)).filter(r -> r.statusCode() != 200));
            assertRetryLater(apiAnswer, "GET /api/podcasts/" + show);
            assertRetryLater(admin.get("/api/podcasts"), "GET /api/podcasts with a password (the identity store needs the database)");
            var page = visitor.get("/podcasts/" + show, "text/html");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
            assertTrue(page.headers().firstValue("Retry-After").isPresent(), "the show page says when to retry");
            assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent(), "our security headers: " + page.headers());
            assertFalse(page.body().contains("Exception") || page.body().contains("at dev.chapitre"), "our page, not a stack trace:\n" + page.body());
            assertEquals(503, server.readiness(), "/health/ready is DOWN while the database is");

            // Writes while it is down: refused as a whole, so nothing is half-done afterwards.
            assertRetryLater(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Recorded during").build(), Fixtures.cbrMp3()),
                    "an upload during the outage");
            assertRetryLater(producer.postJson("/api/podcasts", Json.createObjectBuilder().add("title", "During the outage").build()),
                    "a new show during the outage");

            cluster.resume();

            Poll.until("the API answers again by itself", RECOVERY, () -> producer.get("/api/podcasts/" + show).statusCode() == 200);
            Poll.until("the show page answers again by itself", RECOVERY, () -> visitor.get("/podcasts/" + show, "text/html").statusCode() == 200);
            Poll.until("/health/ready is UP again", RECOVERY, () -> server.readiness() == 200);

            var shows = Api.array(producer.get("/api/podcasts"));
            assertEquals(1, shows.size(), "the show refused during the outage does not exist: " + shows);
            var episodes = Api.array(producer.get("/api/podcasts/" + show + "/episodes"));
            assertEquals(1, episodes.size(), "only the episode made before the outage: " + episodes);
            assertEquals("Recorded before", episodes.getJsonObject(0).getString("title"));
            Poll.until("no audio file is left without its episode (the refused upload's is removed)", RECOVERY,
                    () -> count(dataDir.resolve("media/episodes")) == 1 && count(dataDir.resolve("media/.staging")) == 0);
            var health = admin.get("/api/admin/health");
            assertEquals(200, health.statusCode(), health.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void aServerStartedBeforeItsDatabaseSaysSoOnceAndStartsWhenItComes() throws Exception {
        var database = cluster.freshDatabase("late");
        cluster.pause();
        JarServer server = null;
        try {
            server = JarServer.launch(ROOT.resolve("late"), environment(database));
            var launched = server;
            var cause = "cannot be reached";
            Poll.until("the log says the database cannot be reached", Duration.ofSeconds(120), () -> launched.logText().contains(cause));
            // The data source tries again every 5 s: three more tries must not log it again.
            var since = Instant.now();
            Poll.until("three more tries have passed", Duration.ofSeconds(30), () -> Instant.now().isAfter(since.plusSeconds(16)));
            assertEquals(503, server.readiness(), "DOWN while the database is");
            assertOneLineOnly(server.logText(), cause);

            cluster.resume();
            server.awaitReady(RECOVERY);
            assertEquals(200, Api.basic(server.base(), ADMIN, PASSWORD).get("/api/podcasts").statusCode());
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    @Test
    void aWrongPasswordIsNamedOnceWithItsUserAndTheServerStartsWhenTheSecretIsFixed() throws Exception {
        var database = new HashMap<>(cluster.freshDatabase("wrong_password"));
        var secret = ROOT.resolve("db-password");
        Files.writeString(secret, "not-the-password\n");
        database.remove("CHAPITRE_DB_PASSWORD");
        database.put("CHAPITRE_DB_PASSWORD_FILE", secret.toString());
        var refusals = countMatches(cluster.serverLog(), "password authentication failed");
        var server = JarServer.launch(ROOT.resolve("wrong-password"), environment(database));
        try {
            // PostgreSQL logs each refused attempt: after three of them the application has still said it once.
            Poll.until("PostgreSQL has refused the password three times", Duration.ofSeconds(120),
                    () -> countMatches(cluster.serverLog(), "password authentication failed") >= refusals + 3);
            assertEquals(503, server.readiness(), "DOWN while the database refuses us");
            var log = server.logText();
            var line = assertOneLineOnly(log, "refused user \"chapitre\"");
            assertTrue(line.contains("password authentication failed"), line);
            assertTrue(line.contains("CHAPITRE_DB_PASSWORD"), "says what to check: " + line);

            // The file is read at each new connection: a fixed secret is used without a restart.
            Files.writeString(secret, "chapitre\n");
            server.awaitReady(RECOVERY);
        } finally {
            server.stop();
        }
    }

    /** 503, problem+json, Retry-After, and a detail that says what is wrong and what to do. */
    static void assertRetryLater(HttpResponse<String> response, String what) {
        assertEquals(503, response.statusCode(), what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], what);
        assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("\\d+"), what + ": Retry-After " + response.headers());
        var detail = Api.object(response).getString("detail");
        assertTrue(detail.contains("database") && detail.contains("again"), what + ": " + detail);
        assertTrue(response.headers().firstValue("Content-Security-Policy").isPresent(), what + ": our security headers " + response.headers());
    }

    /** The one line of the log that contains {@code text}; no stack trace with it. */
    static String assertOneLineOnly(String log, String text) {
        var lines = log.lines().filter(l -> l.contains(text)).toList();
        assertEquals(1, lines.size(), "one line for one cause, not one per retry: " + lines);
        assertFalse(log.contains("PSQLException"), "no stack trace for a cause already said in one line");
        return lines.get(0);
    }

    static int countMatches(String text, String what) {
        return (int) Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
