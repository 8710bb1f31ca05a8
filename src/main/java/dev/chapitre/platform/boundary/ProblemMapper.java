package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        return exception.problem().toResponse();
    }
}
