package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.DatabaseOutage;
import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
            if (cause instanceof EJBAccessException || cause instanceof AccessLocalException) {
                return new ProblemException(Response.Status.FORBIDDEN,
                        "Your account is not allowed to do this.").problem().toResponse();
            }
        }
        var outage = DatabaseOutage.causeOf(exception);
        if (outage.isPresent()) {
            LOG.warning(() -> "The database cannot be reached: " + outage.get());
            return Response.fromResponse(DatabaseOutage.problem().toResponse())
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        LOG.log(Level.SEVERE, "Unexpected failure", exception);
        return new Problem(500, "Internal Server Error",
                "The server failed to handle this request; it has been logged.", null).toResponse();
    }
}
