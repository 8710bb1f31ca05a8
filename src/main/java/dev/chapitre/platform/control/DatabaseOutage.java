package dev.chapitre.platform.control;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Tells a failure to reach the database from our own bugs: a client can do nothing about either,
 * but the first is temporary (503, try again) and the second is a 500 that someone must read.
 * The pool, EclipseLink and the EJB container each wrap the driver's exception, so the whole cause
 * chain is searched.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before trying again: the pool re-validates its connections by then. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final String SQL_CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {
    }

    /** The cause that says the database cannot be reached, if that is what this failure is. */
    public static Optional<Throwable> causeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException) {
                return Optional.of(cause);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(SQL_CONNECTION_EXCEPTION_CLASS)) {
                return Optional.of(cause);
            }
            // Payara's pool, when it cannot open a connection, says so in a ResourceException.
            if (cause.getClass().getName().startsWith("jakarta.resource.")) {
                return Optional.of(cause);
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    public static Problem problem() {
        return new Problem(503, "Service Unavailable",
                "The database cannot be reached at the moment; nothing was changed. Try again in a few seconds.", null);
    }
}
