package dev.chapitre.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An instance of its own: {@code java -jar target/chapitre.jar --port N} on a data directory, as
 * the README runs it, configured by the environment as under systemd. Stopped politely or killed.
 */
public record JarServer(Process process, int port, Path log) {

    public static JarServer start(Path dataDir, Map<String, String> environment) throws Exception {
        return start(dataDir, freePort(), environment);
    }

    public static JarServer start(Path dataDir, int port, Map<String, String> environment) throws Exception {
        var jar = System.getProperty("chapitre.jar", "target/chapitre.jar");
        var log = dataDir.resolveSibling(dataDir.getFileName() + "-server.log");
        Files.createDirectories(dataDir);
        var builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar, "--port", String.valueOf(port), "--nocluster");
        builder.environment().put("CHAPITRE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        var process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(dataDir.getParent().toFile())
                .start();
        var server = new JarServer(process, port, log);
        try {
            Poll.until("the server on port " + port + " is ready (see " + log + ")", Duration.ofSeconds(180), () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("The server exited during boot; see " + log);
                }
                try {
                    return Api.anonymous().at(server.base()).get("/health/ready").statusCode() == 200;
                } catch (RuntimeException notListeningYet) {
                    return false;
                }
            });
            return server;
        } catch (AssertionError notReady) {
            process.destroyForcibly();
            throw notReady;
        }
    }

    public String base() {
        return "http://localhost:" + port;
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** SIGKILL: no shutdown hook, no flush, as a crash or an OOM killer. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
