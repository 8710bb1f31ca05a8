package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.it.Api;
import dev.chapitre.it.Fixtures;
import dev.chapitre.it.JarServer;
import dev.chapitre.it.Poll;
import dev.chapitre.media.control.S3Proxy;
import jakarta.json.Json;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real jar with its media in an S3-compatible bucket (s3proxy with signature checking, started
 * by the test): a producer uploads an episode and edits its chapters; the re-tagged MP3 comes back
 * with the chapters (read by mp3agic), Range requests are answered byte for byte, the feed's
 * enclosure length is the object's, the version it replaced is deleted after the (here short)
 * retention, and an upload cut off mid-body leaves nothing in the bucket.
 */
class ObjectStorageE2E {

    static final String BUCKET = "chapitre-e2e";
    static final String ADMIN = "s3-admin@chapitre.test";
    static final String PASSWORD = "s3-password-1";
    static final Path DATA = Path.of("target", "e2e-object-storage").toAbsolutePath();
    static S3Proxy s3;
    static JarServer server;

    @BeforeAll
    static void start() throws Exception {
        JarServer.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        s3 = S3Proxy.start(DATA, BUCKET);
        server = JarServer.start(DATA.resolve("app"), Map.of("CHAPITRE_ADMIN_EMAIL", ADMIN, "CHAPITRE_ADMIN_PASSWORD", PASSWORD,
                "CHAPITRE_S3_BUCKET", BUCKET, "CHAPITRE_S3_ENDPOINT", s3.endpoint().toString(), "CHAPITRE_S3_REGION", "us-east-1",
                "CHAPITRE_S3_ACCESS_KEY", S3Proxy.ACCESS_KEY, "CHAPITRE_S3_SECRET_KEY", S3Proxy.SECRET_KEY,
                "CHAPITRE_MEDIA_RETENTION_SECONDS", "3"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    static Api producer() {
        return Api.basic(server.base(), ADMIN, PASSWORD);
    }

    /** The objects in the bucket under a prefix, and the multipart uploads not finished. */
    static List<String> bucket(String prefix) {
        var found = new ArrayList<String>();
        try (var client = s3.client()) {
            client.listObjectsV2Paginator(l -> l.bucket(BUCKET).prefix(prefix)).contents().forEach(o -> found.add(o.key()));
            client.listMultipartUploadsPaginator(l -> l.bucket(BUCKET)).uploads().forEach(u -> found.add("multipart " + u.key()));
        }
        return found;
    }

    @Test
    void anEpisodeLivesInTheBucketReTaggedUnderANewKeyAndServedByRanges() throws Exception {
        var producer = producer();
        var show = producer.createShow("Sur S3").getString("slug");
        var mp3 = Fixtures.mp3OfAtLeast(12_000_000); // a multipart upload, and a re-tag copied by the server
        var created = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier")
                .add("publishedAt", "2020-01-01T00:00:00Z").build(), mp3);
        assertEquals(201, created.statusCode(), created.body());
        var path = "/api/podcasts/" + show + "/episodes/" + Api.object(created).getString("slug");
        producer.awaitTagged(path);
        Poll.until("one version in the bucket", Duration.ofSeconds(30),
                () -> Optional.of(bucket("episodes/")).filter(keys -> keys.size() == 1));

        var chapters = Json.createObjectBuilder().add("version", "1.2.0").add("chapters", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("startTime", 0).add("title", "Ouverture"))
                .add(Json.createObjectBuilder().add("startTime", 2.5).add("title", "Sur un objet"))).build();
        assertEquals(200, producer.send("PUT", path + "/chapters", "application/json", chapters.toString()).statusCode());
        var episode = producer.awaitTagged(path);
        long length = episode.getJsonObject("audio").getJsonNumber("length").longValue();
        var audioPath = URI.create(episode.getJsonObject("audio").getString("url")).getPath();

        var whole = Api.send(Api.anonymous().at(server.base()).request(audioPath), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertEquals(length, whole.body().length, "the announced length is the object's");
        assertEquals(List.of("Ouverture", "Sur un objet"), CrashE2E.chapterTitles(whole.body()),
                "the re-tagged object carries the chapters (mp3agic)");
        int tag = Fixtures.id3Size(whole.body());
        assertArrayEquals(Arrays.copyOfRange(mp3, Fixtures.id3Size(mp3), mp3.length), Arrays.copyOfRange(whole.body(), tag, whole.body().length),
                "the audio is the uploaded audio, byte for byte");

        for (long[] range : new long[][] {{0, 1_048_575}, {5_000_000, 6_048_575}, {length - 1000, length - 1}}) {
            var partial = Api.send(Api.anonymous().at(server.base()).request(audioPath).header("Range", "bytes=" + range[0] + "-" + range[1]),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, partial.statusCode());
            assertEquals("bytes " + range[0] + "-" + range[1] + "/" + length, partial.headers().firstValue("Content-Range").orElse(""));
            assertArrayEquals(Arrays.copyOfRange(whole.body(), (int) range[0], (int) range[1] + 1), partial.body());
        }

        var feed = Api.anonymous().at(server.base()).get("/feeds/" + show + ".xml").body();
        var enclosure = Pattern.compile("<enclosure[^>]*length=\"(\\d+)\"").matcher(feed);
        assertTrue(enclosure.find(), feed);
        assertEquals(length, Long.parseLong(enclosure.group(1)), "the feed's enclosure length");

        // The version the re-tag replaced stays for the retention (3 s here), then goes.
        Poll.until("the replaced version is deleted", Duration.ofSeconds(60),
                () -> Optional.of(bucket("episodes/")).filter(keys -> keys.size() == 1));
    }

    @Test
    void anUploadCutOffMidBodyLeavesNothingInTheBucket() throws Exception {
        var show = producer().createShow("Coupé").getString("slug");
        var before = bucket("");
        var multipart = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Coupé\"}".getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "cut.mp3", Fixtures.mp3OfAtLeast(24_000_000));
        var body = multipart.bytes();
        try (var socket = new Socket("localhost", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/podcasts/" + show + "/episodes HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + producer().authorization() + "\r\nContent-Type: " + multipart.contentType() + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, 18_000_000); // two parts in the bucket, then the connection drops
            out.flush();
        }
        Poll.until("the cut upload leaves nothing", Duration.ofSeconds(60),
                () -> Optional.of(bucket("")).filter(before::equals));
        assertEquals(0, Api.array(producer().get("/api/podcasts/" + show + "/episodes")).size());
    }
}
