package dev.chapitre.platform.boundary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's data source, with its database file opened for synchronous writes ({@code O_DSYNC}).
 * With {@code WRITE_DELAY=0} H2 writes each commit's chunk before the commit returns, but never
 * forces it to the disk; opening the file "rwd" makes that write durable, so an answered request
 * survives kill -9 and a power cut alike. H2 has no setting for this; its extension point is a
 * file system wrapper ({@link FilePath#register}), registered here before the first connection
 * (Payara loads this class to create the pool). The files on disk are H2's usual ones.
 * {@link JdbcDataSource} is final, hence a delegate; Payara sets the properties below.
 */
public class DurableH2DataSource implements javax.sql.DataSource {

    /** The URL prefix, {@code jdbc:h2:synced:file:…}. */
    public static final String SCHEME = "synced";

    static {
        FilePath.register(new SyncedFilePath());
    }

    private final JdbcDataSource h2 = new JdbcDataSource();

    public void setUrl(String url) {
        h2.setURL(url);
    }

    public void setURL(String url) {
        h2.setURL(url);
    }

    public void setUser(String user) {
        h2.setUser(user);
    }

    public void setPassword(String password) {
        h2.setPassword(password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return h2.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return h2.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return h2.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        h2.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        h2.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return h2.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return h2.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return h2.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return h2.isWrapperFor(type);
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
