package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Downloads served by deploy/'s nginx from the published tree are counted from its access log, by
 * the IAB rules, exactly once: listeners' whole downloads and long ranges count, once per listener;
 * probes, HEAD, 304, bots and short ranges do not; and neither a kill of the application (while
 * nginx keeps serving) nor a rotation of the log loses or repeats one.
 */
class DownloadCountingE2E {

    static final int HTTPS_PORT = 18843;
    static final int HTTP_PORT = 18481;
    static final String ADMIN = "counting-admin@chapitre.test";
    static final String PASSWORD = "counting-password-1";

    @Test
    void everyListenerIsCountedOnceThroughKillsAndRotations() throws Exception {
        var data = Path.of("target", "counting-data").toAbsolutePath();
        var nginxDir = Path.of("target", "e2e-counting-nginx").toAbsolutePath();
        JarServer.deleteRecursively(data);
        JarServer.deleteRecursively(nginxDir.resolve("logs"));
        var log = nginxDir.resolve("logs/chapitre-downloads.log");
        var environment = Map.of("CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD, "CHAPITRE_TRUSTED_PROXIES", "127.0.0.1",
                "CHAPITRE_BASE_URL", "https://localhost:" + HTTPS_PORT, "CHAPITRE_DOWNLOAD_LOG", log.toString());
        int port = JarServer.freePort();
        var server = JarServer.start(data, port, environment);
        try (var nginx = NginxSite.start(nginxDir, HTTPS_PORT, HTTP_PORT, port, data)) {
            var first = producer(server);
            var slug = first.createShow("Comptée").getString("slug");
            var mp3 = Fixtures.mp3OfAtLeast(3_000_000); // 128 kb/s: a minute is 960,000 bytes
            assertEquals(201, first.uploadEpisode(slug, Json.createObjectBuilder().add("title", "Écoutée")
                    .add("publishedAt", "2026-01-01T00:00:00Z").build(), mp3).statusCode());
            var episodePath = "/api/podcasts/" + slug + "/episodes/ecoutee";
            first.awaitTagged(episodePath);
            var audio = "/media/" + slug + "/ecoutee.mp3";
            Poll.until("the tagged MP3 is in the tree", Duration.ofSeconds(10), () -> Files.exists(data.resolve("published" + audio))
                    && Files.size(data.resolve("published" + audio)) == Api.object(first.get(episodePath))
                    .getJsonObject("audio").getJsonNumber("length").longValue());

            // Listeners 0-4 download while the application runs; none of the rest is a download.
            for (int listener = 0; listener < 5; listener++) {
                assertEquals(200, nginx.get(audio, "User-Agent", app(listener)).statusCode());
            }
            assertEquals(200, nginx.get(audio, "User-Agent", app(0)).statusCode()); // the same listener again
            notDownloads(nginx, audio);

            // Killed: nginx keeps serving from the tree and writing the log; listeners 5-7 download meanwhile.
            server.kill();
            for (int listener = 5; listener < 8; listener++) {
                assertEquals(206, nginx.get(audio, "User-Agent", app(listener), "Range", "bytes=0-1999999").statusCode(),
                        "served by nginx while the application is down");
            }
            assertEquals(200, nginx.get(audio, "User-Agent", app(1)).statusCode());
            server = JarServer.start(data, port, environment);
            var counting = producer(server);

            // Rotated as Debian's logrotate does it: renamed, nginx told to reopen, a new file.
            assertEquals(200, nginx.get(audio, "User-Agent", app(8)).statusCode());
            Files.move(log, log.resolveSibling("chapitre-downloads.log.1"));
            assertEquals(200, nginx.get(audio, "User-Agent", app(9)).statusCode()); // still into the renamed file
            nginx.reopenLogs();
            Poll.until("nginx writes a new log", Duration.ofSeconds(10), () -> {
                nginx.get(audio, "User-Agent", app(5)); // a listener counted before: not again
                return Files.exists(log) && Files.size(log) > 0;
            });
            assertEquals(200, nginx.get(audio, "User-Agent", app(10)).statusCode());
            notDownloads(nginx, audio);

            var stats = episodePath + "/stats";
            Poll.until("11 listeners counted", Duration.ofSeconds(30), () -> total(counting, stats) >= 11);
            var until = Instant.now().plusSeconds(3);
            while (Instant.now().isBefore(until)) { // nothing is counted twice afterwards
                assertEquals(11, total(counting, stats));
                LockSupport.parkNanos(200_000_000);
            }
            assertEquals(11, Api.object(counting.get(stats)).getJsonObject("apps").getInt("AntennaPod"), counting.get(stats).body());
        } finally {
            server.kill();
        }
    }

    /** Requests that IAB does not count: a probe, HEAD, a 304, a bot, less than a minute of audio. */
    static void notDownloads(NginxSite nginx, String audio) throws Exception {
        assertEquals(206, nginx.get(audio, "User-Agent", app(20), "Range", "bytes=0-1").statusCode());
        var head = nginx.client().send(HttpRequest.newBuilder(URI.create(nginx.base() + audio)).header("User-Agent", app(21))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        var etag = head.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, nginx.get(audio, "User-Agent", app(22), "If-None-Match", etag).statusCode());
        assertEquals(200, nginx.get(audio, "User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").statusCode());
        assertEquals(206, nginx.get(audio, "User-Agent", app(23), "Range", "bytes=0-99999").statusCode());
    }

    static String app(int listener) {
        return "AntennaPod/3.2.0 (listener " + listener + ")";
    }

    static int total(Api producer, String stats) {
        return Api.object(producer.get(stats)).getInt("total");
    }

    static Api producer(JarServer server) {
        var issued = Api.basic(server.base(), ADMIN, PASSWORD).send("POST", "/api/tokens", "application/json", "{\"label\":\"counting\"}");
        assertEquals(201, issued.statusCode(), issued.body());
        return Api.bearer(Api.object(issued).getString("token")).at(server.base());
    }
}
