package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone sends what no form would: text a feed cannot carry, JSON nested a thousand deep,
 * numbers of a thousand digits, links of thousands of characters, dates in the year 300000,
 * charsets that do not exist, bytes that are not UTF-8, bodies too large, two audio files, odd
 * paths and methods. Every endpoint answers with a 4xx in our own words (problem+json or our
 * page, never the server's), and nothing is saved. Seeded, so a failure can be replayed.
 */
class HostileInputIT {

    private static final long SEED = 12;
    /** Written as JSON escapes: a lone surrogate cannot even be encoded as UTF-8 by the client. */
    private static final List<String> UNSAFE_JSON_TEXT = List.of("\\u0001", "\\u0000", "\\u001f", "\\u007f", "\\u0085",
            "\\ud800", "\\udfff", "\\ufffe", "\\uffff");
    private static final String LONG_URL = "https://example.org/" + "a".repeat(2100);
    private static final String DEEP = "[".repeat(1100) + "]".repeat(1100);
    private static final String LONG_NUMBER = "9".repeat(1100);
    private static final byte[] NOT_UTF8 = {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80};

    private static Api producer;
    private static Api admin = Api.admin();
    private static String show;
    private static String episode;
    private static String showPath;
    private static String episodePath;

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private int sent;

    @BeforeAll
    static void aShowWithAPublishedEpisode() {
        producer = Api.newProducer();
        show = producer.createShow("Entrées hostiles").getString("slug");
        var uploaded = producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Premier")
                .add("publishedAt", "2026-01-01T06:00:00Z").build(), Fixtures.cbrMp3());
        assertEquals(201, uploaded.statusCode(), uploaded.body());
        episode = Api.object(uploaded).getString("slug");
        showPath = "/api/podcasts/" + show;
        episodePath = showPath + "/episodes/" + episode;
        var chapters = producer.send("PUT", episodePath + "/chapters", "application/json",
                "{\"chapters\":[{\"startTime\":0,\"title\":\"Intro\"},{\"startTime\":2,\"title\":\"Suite\"}]}");
        assertEquals(200, chapters.statusCode(), chapters.body());
        producer.awaitTagged(episodePath);
    }

    @Test
    void everyEndpointAnswersHostileInputWithAClearRefusalAndSavesNothing() {
        assertTimeoutPreemptively(Duration.ofMinutes(4), () -> {
            var before = snapshot();
            textThatAFeedCannotCarry();
            limits();
            charsetsAndBytes();
            uploads();
            forms();
            servletsWithOddPathsMethodsAndHeaders();
            assertTrue(sent > 150, "the run is bounded but not trivial: " + sent);
            assertEquals(List.of(), failures, failures.size() + " of " + sent + " answers were not a clear refusal");
            assertEquals(before, snapshot(), "something was saved");
            var feed = Api.anonymous().get("/feeds/" + show + ".xml");
            assertEquals(200, feed.statusCode(), "the feed still builds");
        });
    }

    /** Every text field of every JSON write, with each class of character XML 1.0 cannot carry. */
    private void textThatAFeedCannotCarry() {
        var showFields = List.of("title", "description", "author", "ownerName", "ownerEmail", "copyright", "link");
        var episodeFields = List.of("title", "description", "image");
        for (var field : showFields) {
            var value = hostileText(field.equals("link") || field.equals("ownerEmail") ? "https://example.org/a@b.c" : "Épique ");
            expectRefused(producer.send("POST", "/api/podcasts", "application/json", "{\"title\":\"Ok\"," + pair(field, value) + "}"));
            expectRefused(producer.send("PATCH", showPath, "application/merge-patch+json", "{" + pair(field, value) + "}"));
        }
        for (var field : episodeFields) {
            var value = hostileText(field.equals("image") ? "https://example.org/i.jpg" : "Titre ");
            expectRefused(producer.send("PATCH", episodePath, "application/merge-patch+json", "{" + pair(field, value) + "}"));
            expectRefused(upload("{\"title\":\"Ok\"," + pair(field, value) + "}", 1));
        }
        for (var field : List.of("name", "href", "img")) {
            var person = "{\"persons\":[{\"name\":\"Élodie\"," + pair(field, hostileText(field.equals("name") ? "Élodie" : "https://example.org/p")) + "}]}";
            expectRefused(producer.send("PATCH", showPath, "application/merge-patch+json", person));
            expectRefused(producer.send("PATCH", episodePath, "application/merge-patch+json", person));
        }
        for (var field : List.of("title", "url", "img")) {
            var chapter = "{\"startTime\":1," + (field.equals("title") ? "" : "\"title\":\"Ok\",")
                    + pair(field, hostileText(field.equals("title") ? "Chapitre " : "https://example.org/c")) + "}";
            expectRefused(producer.send("PUT", episodePath + "/chapters", "application/json", "{\"chapters\":[" + chapter + "]}"));
            expectRefused(producer.send("POST", episodePath + "/chapters/import?format=json", "application/json", "{\"chapters\":[" + chapter + "]}"));
        }
        expectRefused(producer.sendBytes("POST", episodePath + "/chapters/import?format=youtube", "text/plain",
                "0:00 Intro\n0:02 Su\u0001ite\n".getBytes(StandardCharsets.UTF_8)));
        expectRefused(producer.send("PUT", episodePath + "/chapters", "text/plain", "00:00:00.000 In\u0007tro\n"));
        for (var field : List.of("email", "name")) {
            expectRefused(admin.send("POST", "/api/producers", "application/json", "{\"email\":\"x" + random.nextInt(1000)
                    + "@chapitre.test\",\"password\":\"a-long-password\",\"name\":\"Nom\"," + pair(field, hostileText(field.equals("email") ? "y@chapitre.test" : "Nom ")) + "}"));
        }
        expectRefused(producer.send("POST", "/api/tokens", "application/json", "{" + pair("label", hostileText("Étiquette ")) + "}"));
    }

    private void limits() {
        for (var path : jsonWrites()) {
            var method = path.startsWith(episodePath + "/chapters") ? "PUT" : path.equals("/api/podcasts") || path.equals("/api/tokens") ? "POST" : "PATCH";
            expectRefused(producer.send(method, path, "application/json", "{\"title\":" + DEEP + "}"));
            expectRefused(producer.send(method, path, "application/json", "{\"season\":" + LONG_NUMBER + ",\"title\":\"x\"}"));
            expectRefused(producer.send(method, path, "application/json", "{\"chapters\":[{\"startTime\":" + LONG_NUMBER + ",\"title\":\"x\"}]}"));
            expectRefused(producer.sendBytes(method, path, "application/json", largeJson(3 * 1024 * 1024)));
        }
        expectRefused(producer.send("POST", "/api/podcasts", "application/json", "{\"title\":\"Ok\",\"link\":\"" + LONG_URL + "\"}"));
        expectRefused(producer.send("PATCH", episodePath, "application/json", "{\"image\":\"" + LONG_URL + "\"}"));
        expectRefused(producer.send("PATCH", showPath, "application/json", "{\"persons\":[{\"name\":\"A\",\"href\":\"" + LONG_URL + "\"}]}"));
        expectRefused(producer.send("PUT", episodePath + "/chapters", "application/json", "{\"chapters\":[{\"startTime\":1,\"title\":\"x\",\"url\":\"" + LONG_URL + "\"}]}"));
        expectRefused(producer.send("PUT", episodePath + "/chapters", "application/json", "{\"chapters\":[{\"startTime\":1,\"title\":\"" + "😀".repeat(256) + "\"}]}"));
        for (var date : List.of("+300000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "2026-13-45T99:99:99Z")) {
            expectRefused(producer.send("PATCH", episodePath, "application/json", "{\"publishedAt\":\"" + date + "\"}"));
            expectRefused(upload("{\"title\":\"Ok\",\"publishedAt\":\"" + date + "\"}", 1));
        }
        expectRefused(producer.send("PATCH", episodePath, "application/json", "{\"season\":1e999999999}"));
        expectRefused(producer.send("PATCH", episodePath, "application/json", "{\"number\":-1e-999999999}"));
    }

    private void charsetsAndBytes() {
        for (var path : jsonWrites()) {
            var method = path.startsWith(episodePath + "/chapters") ? "PUT" : path.equals("/api/podcasts") || path.equals("/api/tokens") ? "POST" : "PATCH";
            for (var type : List.of("application/json; charset=bogus", "application/json; charset=\"", "application/json; charset=utf-16",
                    "application/json; charset=x-unknown-charset-" + random.nextInt(1000))) {
                expectRefused(producer.send(method, path, type, "{\"title\":\"x\"}"));
            }
            expectRefused(producer.sendBytes(method, path, "application/json", concat("{\"title\":\"".getBytes(StandardCharsets.UTF_8), NOT_UTF8, "\"}".getBytes(StandardCharsets.UTF_8))));
        }
        expectRefused(producer.sendBytes("PUT", episodePath + "/chapters", "text/plain", concat("00:00:00.000 ".getBytes(StandardCharsets.UTF_8), NOT_UTF8)));
        expectRefused(producer.sendBytes("PUT", episodePath + "/chapters", "text/plain; charset=bogus", "00:00:00.000 A\n".getBytes(StandardCharsets.UTF_8)));
        expectRefused(admin.sendBytes("PUT", "/api/producers/1/password", "application/json",
                concat("{\"password\":\"a-long-pass".getBytes(StandardCharsets.UTF_8), NOT_UTF8, "\"}".getBytes(StandardCharsets.UTF_8))));
        var basic = "Basic " + java.util.Base64.getEncoder().encodeToString(concat((Api.ADMIN_EMAIL + ":").getBytes(StandardCharsets.UTF_8), NOT_UTF8));
        expectRefused(Api.send(Api.anonymous().request("/api/podcasts").header("Authorization", basic).GET()));
    }

    private void uploads() {
        var twoAudios = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Deux\"}".getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "a.mp3", Fixtures.cbrMp3()).and("audio", "audio/mpeg", "b.mp3", Fixtures.cbrMp3());
        expectRefused(postMultipart(twoAudios));
        var twoEpisodes = Api.Multipart.of("episode", "application/json", null, "{\"title\":\"Un\"}".getBytes(StandardCharsets.UTF_8))
                .and("episode", "application/json", null, "{\"title\":\"Deux\"}".getBytes(StandardCharsets.UTF_8))
                .and("audio", "audio/mpeg", "a.mp3", Fixtures.cbrMp3());
        expectRefused(postMultipart(twoEpisodes));
        var notUtf8 = Api.Multipart.of("episode", "application/json", null, concat("{\"title\":\"".getBytes(StandardCharsets.UTF_8), NOT_UTF8, "\"}".getBytes(StandardCharsets.UTF_8)))
                .and("audio", "audio/mpeg", "a.mp3", Fixtures.cbrMp3());
        expectRefused(postMultipart(notUtf8));
        expectRefused(upload("{\"title\":" + DEEP + "}", 1));
        expectRefused(producer.sendBytes("POST", showPath + "/episodes", "multipart/form-data; boundary=\"", new byte[10]));
        expectRefused(producer.sendBytes("POST", showPath + "/episodes", "multipart/form-data; boundary=x; charset=bogus", "--x--\r\n".getBytes(StandardCharsets.UTF_8)));
    }

    /** The public rating form and the studio's sign-in form, as a browser (or a script) would post them. */
    private void forms() {
        var page = "/podcasts/" + show + "/" + episode;
        for (var accept : List.of("text/html", "application/json")) {
            for (var comment : List.of("%01", "%ED%A0%80", "%EF%BF%BE", "%C3%28", "%FF", "%", "%G1", "a%0")) {
                var visitor = Visitor.fresh(random.nextBoolean() ? "fr" : "en");
                var csrf = visitor.csrfOf(page);
                expectRefusedPage(postForm(page + "/ratings", "csrf=" + csrf + "&stars=4&comment=" + comment, accept, visitor), accept);
            }
            var visitor = Visitor.fresh("fr");
            var csrf = visitor.csrfOf(page);
            expectRefusedPage(postForm(page + "/ratings", "csrf=" + csrf + "&stars=5&comment=" + "a".repeat(3 * 1024 * 1024), accept, visitor), accept);
            expectRefusedPage(postForm("/podcasts/" + show + "/ratings", "csrf=" + csrf + "&stars=5&comment=" + "b".repeat(3 * 1024 * 1024), accept, visitor), accept);
        }
        for (var body : List.of("email=" + Api.ADMIN_EMAIL + "&password=" + "p".repeat(3 * 1024 * 1024),
                "email=" + Api.ADMIN_EMAIL + "&password=it-admin-secret-%C3%28", "email=%FF%FE&password=x", "email=%&password=%")) {
            expectRefusedPage(postForm("/studio/sign-in", body, "text/html", Visitor.fresh("en")), "text/html");
        }
    }

    private void servletsWithOddPathsMethodsAndHeaders() {
        var media = "/media/" + show + "/" + episode + ".mp3";
        var feed = "/feeds/" + show + ".xml";
        var chapters = "/chapters/" + show + "/" + episode + ".json";
        var paths = List.of(media, feed, chapters, "/", "/podcasts/" + show, "/podcasts/" + show + "/" + episode, "/studio/sign-in",
                "/static/chapitre.css", "/media/%2e%2e/%2e%2e/etc/passwd", "/media/" + show + "/..%2F..%2Fx.mp3", "/feeds/%00.xml",
                "/feeds/" + "x".repeat(3000) + ".xml", "/chapters/%C3%28/%FF.json", "/podcasts/%ED%A0%80", "/podcasts/" + show + "/%01",
                "/nothing/here", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/api/../WEB-INF/web.xml", "/error", "/openapi", "/health/live");
        for (var path : paths) {
            for (var method : List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "FOO")) {
                var response = raw(method, path, List.of("Accept", random.nextBoolean() ? "text/html" : "application/json"));
                // A servlet knows no PATCH or FOO: "not implemented" (501) is the honest answer, in our words.
                boolean unknownMethod = (method.equals("PATCH") || method.equals("FOO")) && response.statusCode() == 501;
                expectOurs(response, method + " " + path, unknownMethod);
            }
        }
        var oddHeaders = List.of(List.of("Range", "bytes=abc"), List.of("Range", "bytes=99999999999999999999-"), List.of("Range", "bytes=5-1,0-"),
                List.of("Range", "bytes=" + "0-1,".repeat(500) + "2-3"), List.of("If-None-Match", "W/\"x, *, \""), List.of("If-Modified-Since", "yesterday"),
                List.of("If-Range", "not a date"), List.of("Accept-Encoding", "gzip;q=abc, *;q=-1"), List.of("Accept-Language", "xx-;q=zz,,,"),
                List.of("Accept", "*/*;q=NaN"), List.of("Cookie", "chapitre_studio=" + "z".repeat(3000)), List.of("Cookie", "chapitre_visitor=%FF%00"));
        for (var path : List.of(media, feed, chapters, "/podcasts/" + show + "/" + episode, "/", "/studio")) {
            for (var header : oddHeaders) {
                expectOurs(raw("GET", path, header), "GET " + path + " with " + header.get(0), false);
            }
        }
    }

    // --- what counts as a clear answer

    private void expectRefused(HttpResponse<String> response) {
        sent++;
        var type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
            failures.add(describe(response));
        }
    }

    private void expectRefusedPage(HttpResponse<String> response, String accept) {
        sent++;
        var type = response.headers().firstValue("Content-Type").orElse("");
        boolean ours = accept.equals("text/html") ? isOurPage(response) : type.contains("json");
        if (response.statusCode() < 400 || response.statusCode() >= 500 || !ours) {
            failures.add(describe(response));
        }
    }

    private void expectOurs(HttpResponse<String> response, String what, boolean notImplemented) {
        sent++;
        var type = response.headers().firstValue("Content-Type").orElse("");
        boolean empty = response.body().isEmpty();
        boolean ours = empty || type.contains("json") || isOurPage(response) || type.startsWith("audio/") || type.startsWith("application/rss+xml")
                || type.startsWith("text/css") || type.startsWith("application/yaml") || type.startsWith("text/plain");
        if ((response.statusCode() >= 500 && !notImplemented) || !ours || response.body().contains("Payara")) {
            failures.add(describe(response));
        }
    }

    private static boolean isOurPage(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                && response.body().contains("Chapitre") && !response.body().contains("Payara");
    }

    private static String describe(HttpResponse<String> response) {
        var body = response.body();
        var path = response.uri().getRawPath();
        return response.request().method() + " " + path.substring(0, Math.min(80, path.length())) + " → " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("(no type)") + " " + body.substring(0, Math.min(160, body.length()));
    }

    // --- what must not change

    private static Map<String, String> snapshot() {
        return Map.of("shows", producer.get("/api/podcasts").body(),
                "episodes", producer.get(showPath + "/episodes").body(),
                "chapters", producer.get(episodePath + "/chapters").body(),
                "ratings", producer.get(showPath + "/ratings").body(),
                "tokens", producer.get("/api/tokens").body(),
                "producers", String.valueOf(Api.array(admin.get("/api/producers")).size()));
    }

    // --- requests

    private String hostileText(String around) {
        var unsafe = UNSAFE_JSON_TEXT.get(random.nextInt(UNSAFE_JSON_TEXT.size()));
        int at = random.nextInt(around.length() + 1);
        return around.substring(0, at) + unsafe + around.substring(at);
    }

    /** A JSON member whose value is already escaped JSON text. */
    private static String pair(String field, String escapedValue) {
        return "\"" + field + "\":\"" + escapedValue + "\"";
    }

    private List<String> jsonWrites() {
        return List.of("/api/podcasts", showPath, episodePath, episodePath + "/chapters", "/api/tokens");
    }

    private HttpResponse<String> upload(String episodeJson, int audioParts) {
        var multipart = Api.Multipart.of("episode", "application/json", null, episodeJson.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < audioParts; i++) {
            multipart = multipart.and("audio", "audio/mpeg", "e.mp3", Fixtures.cbrMp3());
        }
        return postMultipart(multipart);
    }

    private HttpResponse<String> postMultipart(Api.Multipart multipart) {
        return Api.send(producer.request(showPath + "/episodes").header("Content-Type", multipart.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.bytes())));
    }

    private static byte[] largeJson(int size) {
        var text = new StringBuilder(size + 20).append("{\"title\":\"");
        text.append("x".repeat(size)).append("\"}");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postForm(String path, String body, String accept, Visitor visitor) {
        return visitor.postRaw(path, body.getBytes(StandardCharsets.ISO_8859_1), "Accept", accept);
    }

    private static HttpResponse<String> raw(String method, String path, List<String> header) {
        var builder = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).header(header.get(0), header.get(1));
        return Api.send(builder);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
