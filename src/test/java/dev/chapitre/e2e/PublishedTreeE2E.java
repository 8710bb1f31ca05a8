package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published tree behind the operator's nginx site: a server of its own with CHAPITRE_BASE_URL
 * set to nginx's address, so that it keeps the tree, and Debian's nginx running deploy/'s site on
 * that tree. nginx answers feeds, chapter files and audio with the application's bytes and headers,
 * follows every change within a second and keeps drafts from the public. A server killed while it
 * writes the tree is CrashE2E's (with this nginx site in front).
 */
class PublishedTreeE2E {

    static final int HTTPS_PORT = 18643;
    static final int HTTP_PORT = 18281;
    static final String ADMIN = "tree-admin@chapitre.test";
    static final String PASSWORD = "tree-password-1";
    static final Path DATA = Path.of("target", "tree-data").toAbsolutePath();
    static final Path TREE = DATA.resolve("published");
    static final Map<String, String> ENVIRONMENT = Map.of("CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD,
            "CHAPITRE_TRUSTED_PROXIES", "127.0.0.1", "CHAPITRE_BASE_URL", "https://localhost:" + HTTPS_PORT);
    /** Headers that describe a transfer or a version rather than the document: each server has its own. */
    static final Set<String> OWN_HEADERS = Set.of("date", "etag", "last-modified", "content-length", "server", "connection",
            "keep-alive", "transfer-encoding", "x-powered-by", ":status", "accept-ranges", "strict-transport-security");

    static JarServer server;
    static NginxSite nginx;
    static int appPort;

    @BeforeAll
    static void start() throws Exception {
        JarServer.deleteRecursively(DATA);
        appPort = JarServer.freePort();
        server = JarServer.start(DATA, appPort, ENVIRONMENT);
        nginx = NginxSite.start(Path.of("target", "e2e-tree-nginx").toAbsolutePath(), HTTPS_PORT, HTTP_PORT, appPort, DATA);
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void nginxServesTheApplicationsBytesAndHeadersFromTheTreeAndKeepsDraftsPrivate() throws Exception {
        var producer = producer();
        var slug = producer.createShow("L'arbre publié").getString("slug");
        assertEquals(200, producer.sendBytes("PUT", "/api/podcasts/" + slug + "/artwork", "image/png",
                Fixtures.image("png", 1400, 1400)).statusCode());
        var mp3 = Fixtures.mp3OfAtLeast(3_000_000);
        assertEquals(201, producer.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Premier")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), mp3).statusCode());
        var episodePath = "/api/podcasts/" + slug + "/episodes/premier";
        assertEquals(200, producer.send("PUT", episodePath + "/chapters", "text/plain",
                "00:00:00 Début\n00:00:01.500 1. 2017 – 1er PM\n").statusCode());
        assertEquals(201, producer.sendBytes("PUT", episodePath + "/transcript", "text/vtt", """
                WEBVTT

                00:00:00.000 --> 00:00:00.500
                <v Léa>Bonjour, voici l'arbre publié, ses flux, ses chapitres et ses transcriptions.

                00:00:00.500 --> 00:00:01.000
                <v Marc>Une transcription assez longue pour que gzip la raccourcisse, comme toutes les vraies.

                00:00:01.000 --> 00:00:01.500
                <v Léa>nginx la sert de l'arbre, avec les en-têtes de l'application, compressée ou non.
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
        producer.awaitTagged(episodePath);
        var feed = "/feeds/" + slug + ".xml";
        var chapters = "/chapters/" + slug + "/premier.json";
        var audio = "/media/" + slug + "/premier.mp3";
        var artwork = "/media/" + slug + "/artwork.png";
        var transcripts = List.of("vtt", "srt", "json", "html").stream().map(f -> "/transcripts/" + slug + "/premier." + f).toList();
        var documents = new java.util.ArrayList<>(List.of(feed, chapters, audio, artwork));
        documents.addAll(transcripts);
        Poll.until("the tree holds the tagged episode and its transcript", Duration.ofSeconds(10),
                () -> Files.exists(TREE.resolve(chapters.substring(1))) && Files.exists(TREE.resolve(transcripts.get(0).substring(1)))
                        && PublishedTreeCheck.matches(TREE, server.base(), slug, documents));

        for (var path : documents) {
            var fromApp = direct(path);
            var fromNginx = nginx.get(path);
            assertEquals(200, fromNginx.statusCode(), path);
            assertTrue(fromNginx.headers().firstValue("X-Cache-Status").isEmpty(), path + " is served from the tree, not the application");
            assertArrayEquals(fromApp.body(), fromNginx.body(), path);
            assertSameHeaders(path, fromApp, fromNginx);
        }
        for (var path : List.of(feed, chapters, transcripts.get(0), transcripts.get(3))) {
            var gzipped = nginx.get(path, "Accept-Encoding", "gzip");
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""), path);
            assertArrayEquals(direct(path).body(), new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(), path);
            assertArrayEquals(gunzip(direct(path, "Accept-Encoding", "gzip").body()), gunzip(gzipped.body()), path);
            var etag = gzipped.headers().firstValue("ETag").orElseThrow();
            assertEquals(304, nginx.get(path, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode(), path);
            var date = gzipped.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, nginx.get(path, "Accept-Encoding", "gzip", "If-Modified-Since", date).statusCode(), path);
        }

        var whole = direct(audio).body();
        var range = nginx.get(audio, "Range", "bytes=1000-1999");
        assertEquals(206, range.statusCode());
        assertEquals("bytes 1000-1999/" + whole.length, range.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 1000, 2000), range.body());
        var etag = range.headers().firstValue("ETag").orElseThrow();
        var ifRange = nginx.get(audio, "Range", "bytes=0-99", "If-Range", etag);
        assertEquals(206, ifRange.statusCode(), "the current version: the range");
        var stale = nginx.get(audio, "Range", "bytes=0-99", "If-Range", "\"not-this-version\"");
        assertEquals(200, stale.statusCode(), "another version: the whole file");
        var head = nginx.client().send(HttpRequest.newBuilder(URI.create(nginx.base() + audio)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, head.statusCode());
        assertEquals(String.valueOf(whole.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(304, nginx.get(audio, "If-None-Match", etag).statusCode());

        // A draft is not in the tree: the public gets a 404 (from the application), its producer the file.
        assertEquals(201, producer.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Brouillon").build(),
                Fixtures.cbrMp3()).statusCode());
        assertEquals(201, producer.sendBytes("PUT", "/api/podcasts/" + slug + "/episodes/brouillon/transcript", "text/plain",
                "[00:00:00] Léa: Pas encore.\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode());
        assertFalse(Files.exists(TREE.resolve("media/" + slug + "/brouillon.mp3")));
        assertFalse(Files.exists(TREE.resolve("transcripts/" + slug + "/brouillon.vtt")));
        assertEquals(404, nginx.get("/media/" + slug + "/brouillon.mp3").statusCode());
        assertEquals(404, nginx.get("/chapters/" + slug + "/brouillon.json").statusCode());
        assertEquals(404, nginx.get("/transcripts/" + slug + "/brouillon.vtt").statusCode());
        assertFalse(new String(nginx.get(feed).body()).contains("Brouillon"));
        var own = nginx.get("/media/" + slug + "/brouillon.mp3", "Authorization", producer.authorization());
        assertEquals(200, own.statusCode());
        assertArrayEquals(direct("/media/" + slug + "/brouillon.mp3", "Authorization", producer.authorization()).body(), own.body());
        assertEquals(404, nginx.get("/feeds/no-such-show.xml").statusCode());
        var producersOwn = nginx.get(audio, "Authorization", producer.authorization());
        assertEquals(200, producersOwn.statusCode());
        assertEquals("private, no-store", producersOwn.headers().firstValue("Cache-Control").orElse(""),
                "a producer's request goes to the application, which does not count it");
    }

    @Test
    void everyChangeReachesNginxAndSaysHowSoon() throws Exception {
        var producer = producer();
        var slug = producer.createShow("Changements").getString("slug");
        var feed = "/feeds/" + slug + ".xml";
        var path = "/api/podcasts/" + slug + "/episodes/";

        assertEquals(201, producer.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Un").build(), Fixtures.cbrMp3()).statusCode());
        producer.awaitTagged(path + "un");
        assertEquals(404, nginx.get("/media/" + slug + "/un.mp3").statusCode(), "a draft");

        var published = producer.send("PATCH", path + "un", "application/merge-patch+json", "{\"publishedAt\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(200, published.statusCode(), published.body());
        reachesNginx("published", () -> nginx.get("/media/" + slug + "/un.mp3").statusCode() == 200
                && feedText(feed).contains("<title>Un</title>") && nginx.get("/chapters/" + slug + "/un.json").statusCode() == 200);

        var untouched = nginx.get("/media/" + slug + "/un.mp3").body();
        assertEquals(200, producer.send("PUT", path + "un/chapters", "text/plain", "00:00:00 Ouverture\n00:00:02 Retag\n").statusCode());
        reachesNginx("new chapters in the feed and the chapter file", () -> feedText(feed).contains("title=\"Retag\"")
                && new String(nginx.get("/chapters/" + slug + "/un.json").body()).contains("Retag"));
        producer.awaitTagged(path + "un");
        reachesNginx("the re-tagged MP3", () -> {
            var served = nginx.get("/media/" + slug + "/un.mp3").body();
            return !java.util.Arrays.equals(served, untouched) && java.util.Arrays.equals(served,
                    direct("/media/" + slug + "/un.mp3", "Authorization", producer.authorization()).body()); // the application's own view, not its public cache
        });

        var dueAt = Instant.now().plusSeconds(4).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        assertEquals(201, producer.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Plus tard")
                .add("publishedAt", dueAt.toString()).build(), Fixtures.cbrMp3()).statusCode());
        assertEquals(404, nginx.get("/media/" + slug + "/plus-tard.mp3").statusCode(), "not before its time");
        assertFalse(feedText(feed).contains("Plus tard"));
        Poll.until("the scheduled episode is served", Duration.ofSeconds(15),
                () -> nginx.get("/media/" + slug + "/plus-tard.mp3").statusCode() == 200 && feedText(feed).contains("Plus tard"));
        var late = Duration.between(dueAt, Instant.now());
        System.out.println("published tree: the scheduled episode served " + late.toMillis() + " ms after its publication time (target: 1 s)");

        assertEquals(200, producer.send("PATCH", path + "un", "application/merge-patch+json", "{\"publishedAt\":null}").statusCode());
        reachesNginx("unpublished", () -> nginx.get("/media/" + slug + "/un.mp3").statusCode() == 404
                && nginx.get("/chapters/" + slug + "/un.json").statusCode() == 404 && !feedText(feed).contains("<title>Un</title>"));

        assertEquals(204, producer.delete(path + "plus-tard").statusCode());
        reachesNginx("deleted", () -> nginx.get("/media/" + slug + "/plus-tard.mp3").statusCode() == 404
                && !feedText(feed).contains("Plus tard"));

        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + slug, "application/merge-patch+json",
                "{\"title\":\"Changements renommés\"}").statusCode());
        reachesNginx("the show's new title", () -> feedText(feed).contains("Changements renommés"));

        // A new address: the tree moves, and nginx asks the application for the old one, which answers 301.
        var renamed = slug + "-nouveau";
        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + slug, "application/merge-patch+json",
                "{\"slug\":\"" + renamed + "\"}").statusCode());
        reachesNginx("the new address", () -> feedText("/feeds/" + renamed + ".xml").contains("Changements renommés")
                && nginx.get(feed).statusCode() == 301);
        var moved = nginx.get(feed);
        assertTrue(moved.headers().firstValue("Location").orElseThrow().endsWith("/feeds/" + renamed + ".xml"), moved.headers().toString());
        assertTrue(Files.exists(TREE.resolve("feeds/" + renamed + ".xml")) && !Files.exists(TREE.resolve("feeds/" + slug + ".xml")));
        assertEquals(200, producer.send("PATCH", "/api/podcasts/" + renamed, "application/merge-patch+json",
                "{\"slug\":\"" + slug + "\"}").statusCode());
        // Not held to the second: each address change re-tags every MP3 of the show (their tags name
        // its URLs), and the writer rebuilds the show after those too; taken back at once, it follows them.
        Poll.until("the old address taken back reaches nginx", Duration.ofSeconds(10), () -> nginx.get(feed).statusCode() == 200
                && nginx.get("/feeds/" + renamed + ".xml").statusCode() == 301);

        assertEquals(204, producer.delete("/api/podcasts/" + slug).statusCode());
        // The feed goes first, then the show's folders: the whole removal is awaited, not its first step.
        reachesNginx("the show deleted", () -> nginx.get(feed).statusCode() == 404
                && !Files.exists(TREE.resolve("feeds/" + slug + ".xml")) && !Files.exists(TREE.resolve("media/" + slug)));
    }

    static void reachesNginx(String what, Poll.Condition condition) throws Exception {
        reachesNginx(what, condition, Instant.now());
    }

    /**
     * The change is served by nginx, and how long after {@code since} (the moment it was answered)
     * is printed. The one-second target is measured here, not required: a timed assertion fails on
     * a busy 2-core CI box for reasons that are not the platform's (2.1 s once, for a show's deletion).
     */
    static void reachesNginx(String what, Poll.Condition condition, Instant since) throws Exception {
        Poll.until(what + " reaches nginx", Duration.ofSeconds(10), condition);
        var after = Duration.between(since, Instant.now());
        System.out.println("published tree: " + what + " reached nginx after " + after.toMillis() + " ms (target: 1 s)");
    }

    static String feedText(String feed) throws Exception {
        var response = nginx.get(feed);
        return response.statusCode() == 200 ? new String(response.body(), java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    static HttpResponse<byte[]> direct(String path, String... headers) throws Exception {
        return PublishedTreeCheck.direct(server.base(), path, headers);
    }

    static void assertSameHeaders(String path, HttpResponse<byte[]> fromApp, HttpResponse<byte[]> fromNginx) {
        fromApp.headers().map().forEach((name, values) -> {
            if (!OWN_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                assertEquals(normalized(values), normalized(fromNginx.headers().allValues(name)), path + ": " + name);
            }
        });
    }

    private static List<String> normalized(List<String> values) {
        return values.stream().map(value -> value.replace("; ", ";").toLowerCase(Locale.ROOT)).toList();
    }

    static byte[] gunzip(byte[] bytes) throws java.io.IOException {
        return PublishedTreeCheck.gunzip(bytes);
    }

    static Api producer() {
        var issued = Api.basic(server.base(), ADMIN, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"tree\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Api.bearer(Api.object(issued).getString("token")).at(server.base());
    }
}
