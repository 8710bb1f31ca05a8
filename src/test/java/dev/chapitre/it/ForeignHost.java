package dev.chapitre.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Another podcast host, as a show moving in finds it: a web server on 127.0.0.1 started by the test,
 * serving the documents and files it is given by path, and a few hostile answers.
 */
public final class ForeignHost implements AutoCloseable {

    /** {@code slowAnswers}: how many of the next answers are sent slowly (then at full speed). */
    public record Document(String contentType, byte[] body, long delayPerChunkMs, AtomicInteger slowAnswers) {
    }

    private final HttpServer server;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    public ForeignHost() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public ForeignHost put(String path, String contentType, byte[] body) {
        documents.put(path, new Document(contentType, body, 0, new AtomicInteger()));
        return this;
    }

    public ForeignHost put(String path, String contentType, String body) {
        return put(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sent 64 KiB at a time, with a pause after each: a download that lasts. */
    public ForeignHost slow(String path, String contentType, byte[] body, long delayPerChunkMs) {
        return slow(path, contentType, body, delayPerChunkMs, Integer.MAX_VALUE);
    }

    /** Slow for the first {@code answers} requests only (a download cut off, then retried at full speed). */
    public ForeignHost slow(String path, String contentType, byte[] body, long delayPerChunkMs, int answers) {
        documents.put(path, new Document(contentType, body, delayPerChunkMs, new AtomicInteger(answers)));
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        var path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/loop")) {
                redirect(exchange, "/loop");
            } else if (path.equals("/to-private")) {
                redirect(exchange, "http://127.0.0.2:" + server.getAddress().getPort() + "/epique/feed.xml");
            } else if (path.equals("/huge.xml")) {
                huge(exchange);
            } else if (documents.containsKey(path)) {
                send(exchange, documents.get(path));
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    /** 50 MB of a feed that never ends its first item's description, without holding it in memory. */
    private static void huge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0); // chunked: no length to refuse on
        try (var out = exchange.getResponseBody()) {
            out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Huge</title><description>".getBytes(StandardCharsets.UTF_8));
            var block = "lorem ipsum ".repeat(1024).getBytes(StandardCharsets.UTF_8);
            for (long sent = 0; sent < 50L * 1024 * 1024; sent += block.length) {
                out.write(block);
            }
        } catch (IOException closedByTheReader) {
            // the importer stopped reading at its limit: that is the point
        }
    }

    private static void send(HttpExchange exchange, Document document) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", document.contentType());
        exchange.sendResponseHeaders(200, document.body().length);
        boolean slow = document.delayPerChunkMs() > 0 && document.slowAnswers().getAndDecrement() > 0;
        try (var out = exchange.getResponseBody()) {
            for (int at = 0; at < document.body().length; at += 64 * 1024) {
                out.write(document.body(), at, Math.min(64 * 1024, document.body().length - at));
                if (slow) {
                    out.flush();
                    Thread.sleep(document.delayPerChunkMs());
                }
            }
        } catch (IOException | InterruptedException gone) {
            // the client went away (a cancelled import)
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
