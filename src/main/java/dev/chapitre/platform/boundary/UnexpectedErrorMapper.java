package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever escaped the other mappers. Concurrency and access failures that surface wrapped by the
 * EJB container are recognised by their cause; anything else is our bug: logged, and a 500
 * that does not leak internals.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.problem().toResponse();
            }
            if (cause instanceof WebApplicationException web) {
                return new HttpErrorMapper().toResponse(web);
            }
            if (cause instanceof OptimisticLockException) {
                return ProblemException.preconditionFailed(
                        "Someone else changed this resource at the same moment; fetch it again and retry.")
                        .problem().toResponse();
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                var answer = databaseRefusal(sql.getSQLState());
                if (answer.isPresent()) {
                    LOG.info(() -> "A request met the database's refusal: " + sql.getMessage());
                    return answer.get();
                }
            }
            if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
                return new ProblemException(Response.Status.FORBIDDEN,
                        "Your account is not allowed to do this.").problem().toResponse();
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure", exception);
        return new Problem(500, "Internal Server Error",
                "The server failed to handle this request; it has been logged.", null).toResponse();
    }

    /**
     * By SQLState, the same on H2 and PostgreSQL: a unique or foreign key that a concurrent request
     * won (two uploads asking for one slug at the same moment) is a conflict, not our bug; a database
     * that cannot be reached is a temporary outage.
     */
    private static Optional<Response> databaseRefusal(String state) {
        if (state.startsWith("23")) {
            return Optional.of(new ProblemException(Response.Status.CONFLICT, "This conflicts with a change saved at the same "
                    + "moment (a name already taken?); fetch the current state and try again.").problem().toResponse());
        }
        if (state.startsWith("08")) {
            return Optional.of(new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "The database cannot be reached right now; try again in a moment.").problem().toResponse());
        }
        return Optional.empty();
    }
}
