package dev.chapitre.platform.boundary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The platform's one database, chosen at run time: PostgreSQL when {@code CHAPITRE_DB_URL} is a
 * {@code jdbc:postgresql:} URL, otherwise the embedded H2 file under {@code CHAPITRE_DATA_DIR}.
 * Payara's pool (WEB-INF/web.xml {@code <data-source>}, where the pool size and validation come from
 * configuration) creates this class and calls the setters below with the configured values.
 * <p>
 * H2 is opened for synchronous writes ({@code O_DSYNC}): with {@code WRITE_DELAY=0} H2 writes each
 * commit's chunk before the commit returns, but never forces it to the disk; opening the file "rwd"
 * makes that write durable, so an answered request survives kill -9 and a power cut alike. H2 has
 * no setting for this; its extension point is a file system wrapper ({@link FilePath#register}),
 * registered before the first connection. MODE=LEGACY keeps the identity columns EclipseLink made
 * in databases from before working; LOCK_TIMEOUT lets a burst of ratings queue on their totals row.
 * <p>
 * Payara logs EclipseLink in while it deploys and gives up on the whole application when that
 * fails, so until the application has {@link #started() started} a connection that fails is tried
 * again every few seconds (a database that is down at boot delays the start instead of failing it),
 * with one log line per cause at most once a minute. Afterwards failures are reported at once.
 */
public class ChapitreDataSource implements javax.sql.DataSource {

    /** The H2 URL prefix, {@code jdbc:h2:synced:file:…}. */
    public static final String SCHEME = "synced";
    static final String H2_SETTINGS = ";WRITE_DELAY=0;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    private static final String H2_CREDENTIALS = "chapitre"; // the embedded file's own, as databases from before were made
    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final Duration REPEAT_LOG = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(ChapitreDataSource.class.getName());

    static {
        FilePath.register(new SyncedFilePath());
    }

    private static volatile boolean started;

    private String url = "";
    private String user = "";
    private String password = "";
    private String passwordFile = "";
    private String dataDir = "./data";
    private int loginTimeout = 5;
    private volatile javax.sql.DataSource delegate;
    private String lastCause = "";
    private Instant lastLogged = Instant.MIN;

    /** From now on a failed connection is an error at once: the application runs and answers for itself. */
    public static void markStarted() {
        started = true;
    }

    public static boolean started() {
        return started;
    }

    /** Empty: the embedded H2; {@code jdbc:postgresql:…}: PostgreSQL. */
    public void setUrl(String url) {
        this.url = url == null ? "" : url.strip();
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    /** A file holding the password (a mounted secret); it wins over the password. */
    public void setPasswordFile(String passwordFile) {
        this.passwordFile = passwordFile == null ? "" : passwordFile.strip();
    }

    /** CHAPITRE_DATA_DIR: the embedded database lives in its {@code db/} folder. */
    public void setDataDir(String dataDir) {
        this.dataDir = dataDir == null || dataDir.isBlank() ? "./data" : dataDir.strip();
    }

    public boolean isPostgreSql() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** The H2 URL of a data directory, as databases from before were opened. */
    public static String h2Url(String dataDir) {
        return "jdbc:h2:" + SCHEME + ":file:" + Path.of(dataDir).toAbsolutePath().normalize().resolve("db").resolve("chapitre") + H2_SETTINGS;
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            try {
                return connect();
            } catch (SQLException e) {
                if (started) {
                    throw e;
                }
                logOnce(cause(e));
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Payara asks with the definition's user and password, which this class already holds. */
    @Override
    public Connection getConnection(String ignoredUser, String ignoredPassword) throws SQLException {
        return getConnection();
    }

    private Connection connect() throws SQLException {
        if (isPostgreSql()) {
            return delegate().getConnection(user, password());
        }
        return delegate().getConnection(H2_CREDENTIALS, H2_CREDENTIALS);
    }

    private javax.sql.DataSource delegate() {
        if (delegate == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = isPostgreSql() ? postgreSql() : h2();
                }
            }
        }
        return delegate;
    }

    private javax.sql.DataSource postgreSql() {
        var pg = new PGSimpleDataSource();
        pg.setURL(url);
        pg.setConnectTimeout(loginTimeout);
        pg.setLoginTimeout(loginTimeout);
        pg.setApplicationName("chapitre");
        return pg;
    }

    private javax.sql.DataSource h2() {
        var h2 = new JdbcDataSource();
        h2.setURL(h2Url(dataDir));
        return h2;
    }

    /** Read at each new connection, so a rotated secret is used without a restart. Trailing newlines are not part of it. */
    String password() throws SQLException {
        if (passwordFile.isEmpty()) {
            return password;
        }
        try {
            return Files.readString(Path.of(passwordFile)).replaceAll("[\\r\\n]+$", "");
        } catch (IOException e) {
            throw new SQLException("Cannot read the database password from CHAPITRE_DB_PASSWORD_FILE " + passwordFile + ": " + e, "28000", e);
        }
    }

    /** One sentence an operator can act on, by SQLState. */
    String cause(SQLException e) {
        var state = String.valueOf(e.getSQLState());
        var where = isPostgreSql() ? url : "the embedded database under " + dataDir;
        if (state.startsWith("08")) {
            return "The database at " + where + " cannot be reached (" + e.getMessage() + "): is PostgreSQL running and CHAPITRE_DB_URL right?";
        }
        if (state.startsWith("28")) {
            return "The database at " + where + " refused user \"" + user + "\" (" + e.getMessage()
                    + "): check CHAPITRE_DB_USER and CHAPITRE_DB_PASSWORD or CHAPITRE_DB_PASSWORD_FILE.";
        }
        if ("3D000".equals(state)) {
            return "The database named in " + url + " does not exist (" + e.getMessage()
                    + "): create it (see docs/operations.md, PostgreSQL).";
        }
        return "Cannot connect to the database at " + where + " (SQLState " + state + ": " + e.getMessage() + ").";
    }

    private synchronized void logOnce(String cause) {
        var now = Instant.now();
        if (!cause.equals(lastCause) || now.isAfter(lastLogged.plus(REPEAT_LOG))) {
            LOG.severe(cause + " The application starts once it answers; trying again every " + RETRY.toSeconds() + " s.");
            lastCause = cause;
            lastLogged = now;
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the drivers log through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        if (seconds > 0) {
            loginTimeout = seconds;
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }

    /** A path whose files are opened so that every write reaches the disk before it returns. */
    public static class SyncedFilePath extends FilePathWrapper {

        @Override
        public String getScheme() {
            return SCHEME;
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return getBase().open("rw".equals(mode) ? "rwd" : mode);
        }
    }
}
