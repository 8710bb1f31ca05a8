package dev.chapitre.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told about every page: scripts and styles from us only and none inline, no
 * framing by other sites, no addresses leaked to other sites, no sniffing; and absolute links
 * that a stranger's X-Forwarded-* headers cannot point elsewhere.
 */
class SecurityHeadersIT {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)(?![^>]*type=\"application/(ld\\+)?json\")[^>]*>");
    private static final Pattern HANDLER_OR_STYLE = Pattern.compile("<[^>]*\\s(on[a-z]+|style)\\s*=|<style", Pattern.CASE_INSENSITIVE);
    private static final int PORT = Integer.getInteger("chapitre.port", 18080);

    final Api producer = Api.newProducer();
    String show;
    String episode;

    @BeforeEach
    void aPublishedEpisode() {
        show = producer.createShow("Entêtes").getString("slug");
        episode = Api.object(producer.uploadEpisode(show, Json.createObjectBuilder().add("title", "Publié")
                .add("publishedAt", "2026-01-05T06:00:00Z").build(), Fixtures.cbrMp3())).getString("slug");
    }

    @Test
    void everyPageForbidsInlineScriptsFramesAndForeignResources() {
        var visitor = Visitor.fresh("en");
        var pages = new LinkedHashMap<String, HttpResponse<String>>();
        pages.put("home", visitor.get("/"));
        pages.put("show", visitor.get("/podcasts/" + show));
        pages.put("episode", visitor.get("/podcasts/" + show + "/" + episode));
        pages.put("not found page", visitor.get("/podcasts/" + show + "/nothing-here"));
        pages.put("refused rating page", visitor.post("/podcasts/" + show + "/ratings", Map.of("stars", "5", "csrf", "forged")));
        pages.put("sign-in", visitor.get("/studio/sign-in"));
        pages.put("studio shows", Api.send(producer.request("/studio").GET()));
        pages.put("studio show", Api.send(producer.request("/studio/shows/" + show).GET()));
        pages.put("studio chapters", Api.send(producer.request("/studio/shows/" + show + "/episodes/" + episode + "/chapters").GET()));
        pages.put("studio not found", Api.send(producer.request("/studio/shows/nothing-here").GET()));
        pages.forEach((name, page) -> {
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), name + ": " + page.statusCode());
            assertSafetyHeaders(name, page);
            assertFalse(INLINE_SCRIPT.matcher(page.body()).find(), name + " has an inline script");
            assertFalse(HANDLER_OR_STYLE.matcher(page.body()).find(), name + " has an inline handler or style");
        });
        assertEquals("strict-origin-when-cross-origin", pages.get("episode").headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("same-origin", pages.get("studio show").headers().firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void answersMadeOutsideThePagesCarryThemToo() {
        var answers = new LinkedHashMap<String, HttpResponse<String>>();
        answers.put("redirect to sign-in", Visitor.fresh("en").get("/studio"));
        answers.put("API without credentials", Api.anonymous().get("/api/podcasts"));
        answers.put("API problem", producer.get("/api/podcasts/nothing-here"));
        answers.put("unknown asset", Api.anonymous().get("/static/nothing.css"));
        answers.put("unknown address", Api.anonymous().get("/nothing-here"));
        answers.put("feed", Api.anonymous().get("/feeds/" + show + ".xml"));
        answers.forEach((name, answer) -> assertSafetyHeaders(name, answer));
        assertEquals("same-origin", answers.get("API problem").headers().firstValue("Referrer-Policy").orElseThrow());
    }

    @Test
    void forwardedHostAndProtoAreBelievedOnlyFromATrustedProxy() throws IOException {
        var page = "/podcasts/" + show;
        var fromOurProxy = rawGet("127.0.0.1", page);
        assertTrue(fromOurProxy.contains("https://evil.example" + page), "the test server trusts loopback: the headers are used");

        var fromAStranger = rawGet("127.0.0.2", page);
        assertTrue(fromAStranger.startsWith("HTTP/1.1 200"), fromAStranger.lines().findFirst().orElse(""));
        assertFalse(fromAStranger.contains("evil.example"), "a stranger's X-Forwarded-Host is ignored");
        assertTrue(fromAStranger.contains("http://localhost:" + PORT + page), "links use the address the client asked for");
    }

    private static void assertSafetyHeaders(String name, HttpResponse<String> answer) {
        var policy = answer.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(name + ": no CSP"));
        assertTrue(policy.contains("script-src 'self'"), name + ": " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), name + ": " + policy);
        assertTrue(policy.contains("default-src 'none'"), name + ": " + policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("http"), name + ": " + policy);
        assertTrue(answer.headers().firstValue("Referrer-Policy").isPresent(), name + ": no Referrer-Policy");
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), name);
        assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(""), name);
    }

    /** A GET sent from a chosen local address (Linux routes all of 127/8 to loopback), with X-Forwarded-* of another site. */
    private static String rawGet(String from, String path) throws IOException {
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 10_000);
            socket.setSoTimeout(30_000);
            var request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + PORT + "\r\nX-Forwarded-Host: evil.example\r\n"
                    + "X-Forwarded-Proto: https\r\nAccept-Language: en\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
