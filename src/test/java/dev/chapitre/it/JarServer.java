package dev.chapitre.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        var server = launch(dataDir, port, environment);
        try {
            server.awaitReady(Duration.ofSeconds(180));
            return server;
        } catch (AssertionError notReady) {
            server.process.destroyForcibly();
            throw notReady;
        }
    }

    /** Started, but not waited for: for tests that watch what a server does before it is ready. */
    public static JarServer launch(Path dataDir, Map<String, String> environment) throws Exception {
        return launch(dataDir, freePort(), environment);
    }

    private static JarServer launch(Path dataDir, int port, Map<String, String> environment) throws Exception {
        return launch(dataDir, port, environment, new Flags(List.of(), List.of("--nocluster"), dataDir.resolveSibling(dataDir.getFileName() + "-server.log")));
    }

    /**
     * How an instance is started beyond its port and environment: JVM options (before {@code -jar}),
     * Payara Micro's arguments (a lone instance has {@code --nocluster}; one of a cluster its
     * {@code --clustername}, {@code --clustermode}…), and its log, which instances sharing a data
     * directory cannot share.
     */
    public record Flags(List<String> jvmOptions, List<String> payaraArguments, Path log) {
    }

    /**
     * Test servers live for seconds to minutes on a 2-core machine, where C2's compiler threads take
     * the CPU their work needs: with C1 alone CrashE2E's rounds measured boot 14–20 s instead of
     * 22–30 s and its writers' rounds about a third shorter. Only the tests' JVMs: a platform that
     * runs for days wants C2 (the README's command leaves the JVM's defaults).
     */
    public static final String QUICK_START = "-XX:TieredStopAtLevel=1";

    /** Started with {@code flags}, but not waited for (see {@link #awaitReady}). */
    public static JarServer launch(Path dataDir, int port, Map<String, String> environment, Flags flags) throws Exception {
        var jar = System.getProperty("chapitre.jar", "target/chapitre.jar");
        var log = flags.log();
        Files.createDirectories(dataDir);
        var command = new ArrayList<>(List.of("java", "-Xmx384m", QUICK_START));
        command.addAll(flags.jvmOptions());
        command.addAll(List.of("-jar", jar, "--port", String.valueOf(port)));
        command.addAll(flags.payaraArguments());
        var builder = new ProcessBuilder(command);
        builder.environment().put("CHAPITRE_DATA_DIR", dataDir.toString());
        builder.environment().putAll(environment);
        var process = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(dataDir.getParent().toFile())
                .start();
        return new JarServer(process, port, log);
    }

    public void awaitReady(Duration timeout) {
        Poll.until("the server on port " + port + " is ready (see " + log + ")", timeout, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("The server exited during boot; see " + log);
            }
            return readiness() == 200;
        });
    }

    /** The status of {@code /health/ready}; 0 while nothing listens yet. */
    public int readiness() {
        try {
            return Api.anonymous().at(base()).get("/health/ready").statusCode();
        } catch (RuntimeException notListeningYet) {
            return 0;
        }
    }

    /** What the server has logged so far. */
    public String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
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
