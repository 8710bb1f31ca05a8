package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.DatabaseOutage;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever escaped the other mappers. Concurrency and access failures that surface wrapped by the
 * EJB container are recognised by their cause, and so is a database that cannot be reached (503,
 * try again); anything else is our bug: logged, and a 500 that does not leak internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    /** Unique and foreign keys (23505; 23503 and H2's 23506): another request's commit won. A NOT NULL
     *  or CHECK violation (23502, 23514) is our bug and stays a logged 500. */
    private static final Set<String> RACE_LOST = Set.of("23505", "23503", "23506");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Exception exception) {
        var locale = ReadersLanguage.of(headers);
        return ReadersLanguage.said(answer(exception, locale), locale);
    }

    private Response answer(Exception exception, Locale locale) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.toResponse(locale);
            }
            if (cause instanceof WebApplicationException web) {
                return HttpErrorMapper.answer(web, locale);
            }
            if (cause instanceof OptimisticLockException) {
                return ProblemException.preconditionFailed("platform.changedMeanwhile").problem(locale).toResponse();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                var answer = databaseRefusal(sql.getSQLState(), locale);
                if (answer.isPresent()) {
                    LOG.info(() -> "A request met the database's refusal: " + sql.getMessage());
                    return answer.get();
                }
            }
            if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
                return new ProblemException(Response.Status.FORBIDDEN, "platform.forbidden").problem(locale).toResponse();
            }
        }
        var outage = DatabaseOutage.causeOf(exception);
        if (outage.isPresent()) {
            LOG.warning(() -> "The database cannot be reached: " + outage.get());
            return ReadersLanguage.said(Response.fromResponse(DatabaseOutage.problem().toResponse())
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build(), Locale.ENGLISH); // the servlets' 503 too: English
        }
        LOG.log(Level.SEVERE, "Unexpected failure", exception);
        return ReadersLanguage.said(new Problem(500, "Internal Server Error",
                "The server failed to handle this request; it has been logged.", null).toResponse(), Locale.ENGLISH);
    }

    /**
     * By SQLState, the same on H2 and PostgreSQL: a unique or foreign key that a concurrent request
     * won (two uploads asking for one slug at the same moment) is a conflict, not our bug. (A
     * database that cannot be reached, class 08, is {@link DatabaseOutage}'s.)
     */
    private static Optional<Response> databaseRefusal(String state, Locale locale) {
        if (RACE_LOST.contains(state)) {
            return Optional.of(new ProblemException(Response.Status.CONFLICT, "platform.raceLost").problem(locale).toResponse());
        }
        return Optional.empty();
    }
}
