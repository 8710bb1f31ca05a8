package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator's story of a move: take a backup of the running platform, start a new installation
 * (on the other database when the run has both: H2 → PostgreSQL on the e2e profile's first run,
 * PostgreSQL → H2 on its second), restore the archive there, and the API answers the same; passwords
 * and tokens keep working and new rows continue the ids. Archives that are cut short or changed are
 * refused before anything is written, and so is a restore into an installation that holds data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupRestoreIT {

    static final String TARGET_ADMIN = "new-host-admin@chapitre.test";
    static final String TARGET_PASSWORD = "new-host-password-1";

    static Api producer;
    static String producerEmail;
    static String token;
    static String show;
    static String episodePath;
    static JarServer target;
    static Api targetAdmin;

    @BeforeAll
    static void aShowWorthMovingAndAnEmptyInstallation() throws Exception {
        // The empty installation starts while the show is made (a start is most of this class's time).
        var dataDir = Path.of("target", "backup-target").toAbsolutePath();
        JarServer.deleteRecursively(dataDir);
        var environment = new LinkedHashMap<String, String>(Database.otherThanTheServersFor("backup-target"));
        environment.put("CHAPITRE_ADMIN_EMAIL", TARGET_ADMIN);
        environment.put("CHAPITRE_ADMIN_PASSWORD", TARGET_PASSWORD);
        // a show that moves keeps its public address (and its MP3s the links tagged into them)
        environment.put("CHAPITRE_BASE_URL", Api.BASE + "/");
        target = JarServer.launch(dataDir, environment);
        producerEmail = "mover-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@chapitre.test";
        var added = Api.admin().postJson("/api/producers", Json.createObjectBuilder().add("email", producerEmail)
                .add("password", "a-long-password").add("name", "Lucie Déménage").build());
        assertEquals(201, added.statusCode(), added.body());
        producer = Api.basic(producerEmail, "a-long-password");
        token = Api.object(producer.postJson("/api/tokens", Json.createObjectBuilder().add("label", "déménagement").build())).getString("token");
        show = producer.createShow("Épique « déménagement » 🎙️").getString("slug");
        var upload = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "1. 2017 – 1er PM’s «début»")
                .add("description", "<p>" + "Notes très longues ’«»🎧 ".repeat(2_000) + "</p>")
                .add("publishedAt", "2025-03-01T08:00:00.123456Z").build(), Fixtures.mp3OfAtLeast(1_000_000)); // a minute: a download counts
        assertEquals(201, upload.statusCode(), upload.body());
        episodePath = "/api/podcasts/" + show + "/episodes/" + Api.object(upload).getString("slug");
        var chapters = producer.send("PUT", episodePath + "/chapters", "text/plain; charset=utf-8", "00:00:00 Intro «»\n00:00:02.500 Suite 🎧\n");
        assertEquals(200, chapters.statusCode(), chapters.body());
        var transcript = producer.sendBytes("PUT", episodePath + "/transcript", "text/vtt",
                "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v Léa>Intro «» 🎧\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, transcript.statusCode(), transcript.body());
        producer.awaitTagged(episodePath);

        var page = "/podcasts/" + show + "/" + Api.object(upload).getString("slug");
        var listener = Visitor.fresh("fr");
        assertEquals(303, listener.post(page + "/ratings", listener.form(page, "stars", "4", "comment", "Génial ’«»🎙️")).statusCode());
        var download = Api.send(Api.anonymous().request("/media/" + show + "/" + Api.object(upload).getString("slug") + ".mp3")
                .header("User-Agent", "AntennaPod/3.2.0").header("X-Forwarded-For", "10.77.1.1").GET());
        assertEquals(200, download.statusCode());
        Poll.until("the download is counted", Duration.ofSeconds(30),
                () -> Api.object(producer.get("/api/podcasts/" + show + "/stats")).getInt("total") == 1);

        target.awaitReady(Duration.ofSeconds(180));
        targetAdmin = Api.basic(target.base(), TARGET_ADMIN, TARGET_PASSWORD);
    }

    @AfterAll
    static void stopTheNewInstallation() throws InterruptedException {
        if (target != null) {
            target.stop();
        }
    }

    @Test
    @Order(1)
    void archivesCutShortOrChangedAreRefusedBeforeAnythingIsWritten() throws IOException {
        var archive = backup(false);

        var truncated = java.util.Arrays.copyOf(archive, archive.length / 2);
        assertRefused(restore(targetAdmin, truncated), "cut short");
        assertRefused(restore(targetAdmin, "not a zip at all".getBytes(StandardCharsets.UTF_8)), "not a zip archive");

        var changed = rewritten(archive, (name, bytes) -> name.endsWith("-podcast.jsonl")
                ? new String(bytes, StandardCharsets.UTF_8).replace("déménagement", "demenagement").getBytes(StandardCharsets.UTF_8) : bytes);
        assertRefused(restore(targetAdmin, changed), "SHA-256");

        var rowDropped = rewritten(archive, (name, bytes) -> name.endsWith("-episode_chapter.jsonl")
                ? new String(bytes, StandardCharsets.UTF_8).lines().skip(1).map(l -> l + "\n").reduce("", String::concat).getBytes(StandardCharsets.UTF_8)
                : bytes);
        assertRefused(restore(targetAdmin, rowDropped), "rows where the manifest says");

        var withoutManifest = rewritten(archive, (name, bytes) -> name.equals("manifest.json") ? null : bytes);
        assertRefused(restore(targetAdmin, withoutManifest), "no manifest.json");

        assertEquals("[]", targetAdmin.get("/api/podcasts").body(), "nothing was written");
        assertEquals(200, targetAdmin.get("/api/producers").statusCode(), "the new installation's admin is still there");
    }

    @Test
    @Order(2)
    void aRestoreIntoAnInstallationThatHoldsDataIsRefused() throws IOException {
        var answer = restore(Api.admin(), backup(false));
        assertEquals(409, answer.statusCode(), answer.body());
        var detail = Api.object(answer).getString("detail");
        assertTrue(detail.startsWith("This installation already holds data (") && detail.contains(" podcast: "), detail);

        var unclear = Api.send(Api.admin().request("/api/admin/backups?media=yes").header("Accept", "application/zip")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertEquals(400, unclear.statusCode(), unclear.body());
        assertTrue(Api.object(unclear).getString("detail").contains("media is true"), unclear.body());
    }

    @Test
    @Order(3)
    void theRestoredInstallationAnswersTheSame() throws IOException {
        var archive = backup(true);
        var manifest = manifestOf(archive);
        assertEquals("chapitre-backup", manifest.getString("format"));
        assertTrue(manifest.getJsonObject("media").getBoolean("included"));
        var audio = manifest.getJsonObject("media").getJsonArray("files").stream().map(JsonObject.class::cast)
                .filter(f -> f.getString("key").startsWith("episodes/")).findFirst().orElseThrow();
        assertTrue(audio.getString("sha256").matches("[0-9a-f]{64}"), audio.toString());

        var answer = restore(targetAdmin, archive);
        assertEquals(200, answer.statusCode(), answer.body());
        var report = Api.object(answer);
        assertTrue(report.getJsonObject("rows").getInt("podcast") >= 1, report.toString());
        assertEquals(0, report.getJsonObject("media").getInt("missing"), report.toString());

        var moved = producer.at(target.base());
        var sourceAdmin = Api.admin().at(target.base());
        assertSame(producer, moved, "/api/podcasts/" + show, "/api/podcasts/" + show + "/episodes", episodePath, episodePath + "/chapters",
                episodePath + "/transcript", "/api/podcasts/" + show + "/ratings", "/api/podcasts/" + show + "/stats", "/api/tokens");
        assertSame(Api.admin(), sourceAdmin, "/api/producers");
        assertSame(Api.anonymous(), Api.anonymous().at(target.base()), "/feeds/" + show + ".xml");
        var episode = Api.object(moved.get(episodePath));
        var mp3Path = "/media/" + show + "/" + episode.getString("slug") + ".mp3";
        assertArrayEquals(bytes(Api.anonymous().request(mp3Path)), bytes(Api.anonymous().at(target.base()).request(mp3Path)), "the same MP3");
        assertEquals(200, Api.bearer(token).at(target.base()).get("/api/podcasts/" + show).statusCode(), "the token works");
        assertEquals(401, targetAdmin.get("/api/podcasts").statusCode(), "the archive's producers replaced the first admin");
        assertEquals(200, Api.anonymous().at(target.base()).get("/health/ready").statusCode());
        assertEquals(200, sourceAdmin.get("/api/admin/health").statusCode(), sourceAdmin.get("/api/admin/health").body());

        // new rows continue the restored ids, and the totals go on from the restored ones
        var another = moved.createShow("Après le déménagement");
        assertFalse(another.getString("slug").isEmpty());
        var page = "/podcasts/" + show + "/" + episode.getString("slug");
        var listener = new Visitor(target.base(), "10.77.0.1", "fr", "Mozilla/5.0 (X11; Linux x86_64) Chapitre-IT");
        assertEquals(303, listener.post(page + "/ratings", listener.form(page, "stars", "2")).statusCode());
        var ratings = Api.object(moved.get("/api/podcasts/" + show + "/ratings"));
        assertEquals(2, ratings.getInt("count"));
        assertEquals(3.0, ratings.getJsonNumber("average").doubleValue());
    }

    private static void assertSame(Api before, Api after, String... paths) {
        for (var path : paths) {
            var answer = after.get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            assertEquals(before.get(path).body(), answer.body(), path + " after the move to " + Database.otherThanTheServers());
        }
    }

    private static byte[] backup(boolean withMedia) {
        var response = Api.send(Api.admin().request("/api/admin/backups" + (withMedia ? "?media=true" : ""))
                .header("Accept", "application/zip").POST(java.net.http.HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Disposition").orElseThrow().matches("attachment; filename=\"chapitre-backup-.*\\.zip\""));
        return response.body();
    }

    private static HttpResponse<String> restore(Api admin, byte[] archive) {
        return admin.sendBytes("POST", "/api/admin/restores", "application/zip", archive);
    }

    private static void assertRefused(HttpResponse<String> answer, String reason) {
        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElseThrow());
        var detail = Api.object(answer).getString("detail");
        assertTrue(detail.contains(reason) && detail.endsWith("Nothing was changed."), detail);
    }

    private static byte[] bytes(java.net.http.HttpRequest.Builder request) {
        var response = Api.send(request.GET(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static JsonObject manifestOf(byte[] archive) throws IOException {
        var manifest = entries(archive).get("manifest.json");
        return Json.createReader(new ByteArrayInputStream(manifest)).readObject();
    }

    private static Map<String, byte[]> entries(byte[] archive) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    /** The archive with each entry's bytes passed through {@code change} (null: left out). */
    private static byte[] rewritten(byte[] archive, java.util.function.BiFunction<String, byte[], byte[]> change) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries(archive).entrySet()) {
                var bytes = Optional.ofNullable(change.apply(entry.getKey(), entry.getValue()));
                if (bytes.isPresent()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(bytes.get());
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }
}
