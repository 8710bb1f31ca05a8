package dev.chapitre.imports.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real HTTP server on loopback; the fetcher is told that 127.0.0.1 (only) is allowed, as an operator would. */
class SafeFetcherTest {

    static HttpServer server;
    static String base;
    final SafeFetcher fetcher = new SafeFetcher(PrivateAllowance.parse("127.0.0.1"));

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", exchange -> answer(exchange, 200, "<rss/>".getBytes(StandardCharsets.UTF_8), null));
        server.createContext("/loop", exchange -> answer(exchange, 302, new byte[0], "/loop"));
        server.createContext("/hop", exchange -> {
            int n = Integer.parseInt(exchange.getRequestURI().getQuery());
            answer(exchange, 301, new byte[0], n == 0 ? "/feed.xml" : "/hop?" + (n - 1));
        });
        server.createContext("/to-private", exchange -> answer(exchange, 307, new byte[0],
                "http://127.0.0.2:" + server.getAddress().getPort() + "/feed.xml"));
        server.createContext("/to-file", exchange -> answer(exchange, 302, new byte[0], "file:///etc/passwd"));
        server.createContext("/big", exchange -> answer(exchange, 200, new byte[64 * 1024], null));
        server.createContext("/gone", exchange -> answer(exchange, 404, "no".getBytes(StandardCharsets.UTF_8), null));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void followsUpToFiveRedirects() throws Exception {
        assertArrayEquals("<rss/>".getBytes(StandardCharsets.UTF_8), fetcher.fetch(base + "/hop?4", 1000, Duration.ofSeconds(5)));
        var tooMany = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/hop?5", 1000, Duration.ofSeconds(5)));
        assertTrue(tooMany.getMessage().contains("more than 5"), tooMany.getMessage());
        var loop = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/loop", 1000, Duration.ofSeconds(5)));
        assertTrue(loop.getMessage().contains("loop"), loop.getMessage());
    }

    @Test
    void aRedirectToAnAddressThatIsNotAllowedIsRefusedBeforeConnecting() {
        var refused = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/to-private", 1000, Duration.ofSeconds(5)));
        assertTrue(refused.refused());
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
        assertEquals("127.0.0.2 est une adresse de bouclage (loopback) (127.0.0.2) ; seules les adresses publiques peuvent être importées.",
                refused.reason().in(Locale.FRENCH));
        var none = new SafeFetcher(PrivateAllowance.none());
        var direct = assertThrows(FetchFailed.class, () -> none.fetch(base + "/feed.xml", 1000, Duration.ofSeconds(5)));
        assertTrue(direct.refused() && direct.getMessage().contains("127.0.0.1"), direct.getMessage());
        var file = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/to-file", 1000, Duration.ofSeconds(5)));
        assertTrue(file.refused() && file.getMessage().contains("http and https"), file.getMessage());
        var scheme = assertThrows(FetchFailed.class, () -> fetcher.fetch("ftp://127.0.0.1/feed.xml", 1000, Duration.ofSeconds(5)));
        assertTrue(scheme.refused());
        var password = assertThrows(FetchFailed.class, () -> fetcher.fetch("http://me:secret@127.0.0.1/", 1000, Duration.ofSeconds(5)));
        assertTrue(password.refused());
    }

    @Test
    void sizesAndStatusesGiveClearMessages() {
        var big = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/big", 1000, Duration.ofSeconds(5)));
        assertFalse(big.refused());
        assertTrue(big.getMessage().contains("limit of 1000 bytes"), big.getMessage());
        var gone = assertThrows(FetchFailed.class, () -> fetcher.fetch(base + "/gone", 1000, Duration.ofSeconds(5)));
        assertTrue(gone.getMessage().contains("404 Not Found"), gone.getMessage());
        var unknown = assertThrows(FetchFailed.class, () -> fetcher.fetch("http://no-such-host.invalid/feed", 1000, Duration.ofSeconds(5)));
        assertTrue(unknown.getMessage().contains("does not exist"), unknown.getMessage());
    }
}
