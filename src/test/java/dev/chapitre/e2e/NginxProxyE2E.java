package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.Poll;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's nginx site from deploy/, unchanged but for its placeholders (host name, TLS
 * files, ports), in front of the real server: uploads, chapters and the public URLs go through
 * the proxy, and the absolute URLs the API hands out use the proxy's address.
 */
class NginxProxyE2E {

    static final int HTTPS_PORT = 18443;
    static final int HTTP_PORT = 18081;
    static final String PUBLIC = "https://localhost:" + HTTPS_PORT;
    static final Path DIR = Path.of("target", "e2e-nginx").toAbsolutePath();

    static NginxSite nginx;
    static HttpClient client;

    @BeforeAll
    static void startNginx() throws Exception {
        nginx = NginxSite.start(DIR, HTTPS_PORT, HTTP_PORT, Integer.getInteger("chapitre.port", 18080),
                Path.of(System.getProperty("chapitre.data.dir", "target/it-data")));
        client = nginx.client();
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void aProducerWorksThroughTheProxyAndGetsUrlsOfThePublicAddress() throws Exception {
        var admin = authorized(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        var token = Api.object(send(admin.uri(URI.create(PUBLIC + "/api/tokens")).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")));
        var bearer = "Bearer " + token.getString("token");

        var created = send(request("/api/podcasts", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Derrière nginx\",\"language\":\"fr\"}")));
        assertEquals(201, created.statusCode(), created.body());
        var show = Api.object(created);
        var slug = show.getString("slug");
        assertEquals(PUBLIC + "/api/podcasts/" + slug, created.headers().firstValue("Location").orElseThrow());
        assertEquals(PUBLIC + "/feeds/" + slug + ".xml", show.getString("feedUrl"));

        // A few megabytes, sent as a stream: nginx must pass it through without buffering it whole.
        var mp3 = Fixtures.mp3OfAtLeast(6_000_000);
        var multipart = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Par le proxy\"}".getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "proxy.mp3", mp3);
        var uploaded = send(request("/api/podcasts/" + slug + "/episodes", bearer)
                .header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(multipart.bytes()))));
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        var episode = Api.object(uploaded);
        assertEquals(mp3.length, episode.getJsonObject("audio").getJsonNumber("length").longValue());
        assertEquals(PUBLIC + "/media/" + slug + "/par-le-proxy.mp3", episode.getJsonObject("audio").getString("url"));

        var chaptersPath = "/api/podcasts/" + slug + "/episodes/par-le-proxy/chapters";
        var put = send(request(chaptersPath, bearer).header("Content-Type", "text/plain; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString("00:00:00 Début\n00:00:03.500 Suite <https://example.org>\n")));
        assertEquals(200, put.statusCode(), put.body());
        var json = Api.object(send(request(chaptersPath, bearer).header("Accept", "application/json").GET()));
        assertEquals(3.5, json.getJsonArray("chapters").getJsonObject(1).getJsonNumber("startTime").doubleValue());

        var tooBig = Fixtures.mp3OfAtLeast(Long.getLong("chapitre.max.upload.bytes", 20_000_000) + 1_000_000);
        var refused = send(request("/api/podcasts/" + slug + "/episodes/par-le-proxy/audio", bearer)
                .header("Content-Type", "audio/mpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(tooBig)));
        assertEquals(413, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0],
                "the application, not nginx, answers 413");

        // Media through the proxy: the application authorises and counts, nginx sends the bytes.
        var published = send(request("/api/podcasts/" + slug + "/episodes/par-le-proxy", bearer)
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"publishedAt\":\"2026-01-01T00:00:00Z\"}")));
        assertEquals(200, published.statusCode(), published.body());
        Poll.until("re-tagged after publication", Duration.ofSeconds(30), () -> Api.object(
                send(request("/api/podcasts/" + slug + "/episodes/par-le-proxy", bearer).GET())).getJsonObject("audio").getBoolean("tagged"));
        var mediaUrl = PUBLIC + "/media/" + slug + "/par-le-proxy.mp3";
        var direct = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/media/" + slug + "/par-le-proxy.mp3")).header("User-Agent", "e2e-bot"),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        var partial = client.send(HttpRequest.newBuilder(URI.create(mediaUrl)).header("Range", "bytes=1000-1999")
                .header("User-Agent", "AntennaPod/3.2.0").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, partial.statusCode());
        assertEquals("bytes 1000-1999/" + direct.length, partial.headers().firstValue("Content-Range").orElse(""));
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(direct, 1000, 2000), partial.body());
        var whole = client.send(HttpRequest.newBuilder(URI.create(mediaUrl)).header("User-Agent", "AntennaPod/3.2.0").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        org.junit.jupiter.api.Assertions.assertArrayEquals(direct, whole.body());
        assertEquals("audio/mpeg", whole.headers().firstValue("Content-Type").orElse(""));
        var hidden = client.send(HttpRequest.newBuilder(URI.create(PUBLIC + "/_chapitre_media/episodes/x.mp3")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(404, hidden.statusCode(), "the internal location cannot be reached from outside");
        var stats = "/api/podcasts/" + slug + "/episodes/par-le-proxy/stats";
        Poll.until("the download through the proxy is counted", Duration.ofSeconds(15),
                () -> Api.object(send(request(stats, bearer).GET())).getInt("total") >= 1);
        assertEquals(1, Api.object(send(request(stats, bearer).GET())).getJsonObject("apps").getInt("AntennaPod"));

        var ready = send(HttpRequest.newBuilder(URI.create(PUBLIC + "/health/ready")).GET());
        assertEquals(200, ready.statusCode());
        assertTrue(ready.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void feedsAreCachedByTheProxyBrieflyAndShowChangesWithinSeconds() throws Exception {
        var producer = Api.newProducer();
        var slug = producer.createShow("Flux derrière nginx").getString("slug");
        var created = producer.uploadEpisode(slug, jakarta.json.Json.createObjectBuilder().add("title", "Un")
                .add("publishedAt", "2026-01-01T00:00:00Z").build(), Fixtures.cbrMp3());
        assertEquals(201, created.statusCode(), created.body());
        var episodePath = "/api/podcasts/" + slug + "/episodes/un";
        producer.awaitTagged(episodePath);
        var feed = HttpRequest.newBuilder(URI.create(PUBLIC + "/feeds/" + slug + ".xml")).header("Accept-Encoding", "gzip");

        var first = client.send(feed.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, first.statusCode());
        assertEquals("gzip", first.headers().firstValue("Content-Encoding").orElse(""));
        var xml = new String(new java.util.zip.GZIPInputStream(new ByteArrayInputStream(first.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("url=\"" + PUBLIC + "/media/" + slug + "/un.mp3\""), "absolute URLs of the public address: " + xml);
        var etag = first.headers().firstValue("ETag").orElseThrow();
        var again = client.send(feed.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("HIT", again.headers().firstValue("X-Cache-Status").orElse(""), "nginx answers from its copy");
        var conditional = client.send(HttpRequest.newBuilder(URI.create(PUBLIC + "/feeds/" + slug + ".xml"))
                .header("Accept-Encoding", "gzip").header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(304, conditional.statusCode());
        assertTrue(conditional.headers().firstValue("Strict-Transport-Security").isPresent());
        var plain = send(HttpRequest.newBuilder(URI.create(PUBLIC + "/feeds/" + slug + ".xml")));
        assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), "a client without gzip gets the plain copy");
        assertTrue(plain.body().contains("<title>Un</title>"));

        assertEquals(200, producer.send("PUT", episodePath + "/chapters", "text/plain", "00:00:00 Début\n00:00:02 Changé\n").statusCode());
        Poll.until("the change reaches the feed through the proxy", Duration.ofSeconds(10),
                () -> send(HttpRequest.newBuilder(URI.create(PUBLIC + "/feeds/" + slug + ".xml"))).body().contains("title=\"Changé\""));
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        var response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/podcasts/x")).GET());
        assertEquals(301, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").startsWith("https://localhost"), response.headers().toString());
    }

    static HttpRequest.Builder request(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(PUBLIC + path)).timeout(Duration.ofSeconds(120)).header("Authorization", authorization);
    }

    static HttpRequest.Builder authorized(String email, String password) {
        var basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + basic);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
