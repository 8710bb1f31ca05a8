package dev.chapitre.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The database the run's IT server keeps its data in: the embedded H2 in its data directory, or,
 * on the e2e profile's second run, the PostgreSQL that the build started ({@code chapitre.db.url}).
 */
public final class Database {

    private static final Optional<String> URL = Optional.ofNullable(System.getProperty("chapitre.db.url")).filter(u -> !u.isBlank());
    private static final String USER = System.getProperty("chapitre.db.user", "chapitre");
    private static final String PASSWORD = System.getProperty("chapitre.db.password", "chapitre");
    /** The e2e profile's PostgreSQL, also given to its first run (on H2), for tests that go from one database to the other. */
    private static final Optional<String> POSTGRES_OF_THE_RUN = Optional.ofNullable(System.getProperty("chapitre.postgresql.url"))
            .filter(u -> !u.isBlank());
    private static final Pattern DATABASE_NAME = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    private Database() {
    }

    public static boolean isPostgres() {
        return URL.isPresent();
    }

    /** The URL the IT server was given; only on PostgreSQL (H2's file is the server's alone while it runs). */
    public static String url() {
        return URL.orElseThrow(() -> new IllegalStateException("this run is on the embedded H2 (no chapitre.db.url)"));
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /**
     * The environment a server of its own ({@link JarServer}) needs to run on this run's database
     * without sharing rows with the IT server: on PostgreSQL a new, empty database named after it
     * (dropped first if a former run left it); on H2 nothing, its data directory holds the database.
     */
    public static Map<String, String> freshFor(String server) throws SQLException {
        return isPostgres() ? freshPostgres(url(), USER, PASSWORD, server) : Map.of();
    }

    /**
     * Like {@link #freshFor}, but on the other database when this run has both (the e2e profile):
     * the IT server on H2 → a new PostgreSQL database, on PostgreSQL → the embedded H2. A plain
     * {@code mvn verify} has only H2, and gets H2.
     */
    public static Map<String, String> otherThanTheServersFor(String server) throws SQLException {
        if (isPostgres()) {
            return Map.of();
        }
        // the role src/test/postgres/postgres.sh creates
        return POSTGRES_OF_THE_RUN.isPresent() ? freshPostgres(POSTGRES_OF_THE_RUN.get(), "chapitre", "chapitre", server) : Map.of();
    }

    /** The kind of database {@link #otherThanTheServersFor} gives, in words. */
    public static String otherThanTheServers() {
        return isPostgres() || POSTGRES_OF_THE_RUN.isEmpty() ? "H2" : "PostgreSQL";
    }

    private static Map<String, String> freshPostgres(String serverUrl, String user, String password, String server) throws SQLException {
        var name = "chapitre_" + server.replaceAll("[^A-Za-z0-9]", "_").toLowerCase();
        try (var connection = DriverManager.getConnection(serverUrl, user, password); var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        var url = DATABASE_NAME.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalStateException("not a jdbc:postgresql://host/database URL: " + serverUrl);
        }
        return Map.of("CHAPITRE_DB_URL", url.group(1) + name + url.group(3), "CHAPITRE_DB_USER", user, "CHAPITRE_DB_PASSWORD", password);
    }
}
