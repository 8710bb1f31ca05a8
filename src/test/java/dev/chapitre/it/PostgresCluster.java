package dev.chapitre.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of a test's own (src/test/postgres/postgres.sh, on a free port, data under
 * {@code target/}) that the test may stop and start as an outage would, without touching the
 * cluster the build's IT server runs on. A cluster that cannot be started fails the test.
 */
public record PostgresCluster(Path dir, int port) implements AutoCloseable {

    static final String ROLE = "chapitre";
    static final String PASSWORD = "chapitre";
    private static final Path SCRIPT = Path.of("src", "test", "postgres", "postgres.sh").toAbsolutePath();

    public static PostgresCluster start(Path dir) throws Exception {
        var cluster = new PostgresCluster(dir.toAbsolutePath(), JarServer.freePort());
        cluster.run("start", cluster.port);
        return cluster;
    }

    /** A new, empty database on this cluster and the environment a {@link JarServer} needs to use it. */
    public Map<String, String> freshDatabase(String name) throws SQLException {
        try (var connection = DriverManager.getConnection(url("chapitre"), ROLE, PASSWORD);
             var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        return Map.of("CHAPITRE_DB_URL", url(name), "CHAPITRE_DB_USER", ROLE, "CHAPITRE_DB_PASSWORD", PASSWORD);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Gone at once, as in a crash: no clean shutdown, the clients' connections die. The data stays. */
    public void pause() throws Exception {
        run("pause");
    }

    /** Back on the same port with the same data. */
    public void resume() throws Exception {
        run("resume");
    }

    /** PostgreSQL's own log: what it saw of the clients (refused passwords among them). */
    public String serverLog() throws IOException {
        return Files.readString(dir.resolve("postgresql.log"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        run("stop");
    }

    private void run(String command, Object... arguments) throws Exception {
        var line = new ArrayList<>(List.of("bash", SCRIPT.toString(), command, dir.toString()));
        for (var argument : arguments) {
            line.add(String.valueOf(argument));
        }
        // The watchdog postgres.sh leaves behind stops the cluster when this JVM is gone.
        var process = new ProcessBuilder(line).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("postgres.sh " + String.join(" ", line.subList(2, line.size())) + " failed:\n" + output);
        }
    }
}
