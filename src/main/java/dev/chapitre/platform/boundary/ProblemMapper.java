package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refusal the client can act on, worded in its language. */
@Provider
public class ProblemMapper implements ExceptionMapper<ProblemException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ProblemException exception) {
        return ReadersLanguage.refusal(exception, headers);
    }
}
