package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every broken rule as one 422 problem: {@code detail} for people, {@code errors} by field for
 * programs (see {@link Problem#errors}), both in the language the client prefers.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(InvalidInput invalid) {
        var locale = ReadersLanguage.of(headers);
        return ReadersLanguage.said(new Problem(422, ProblemException.UNPROCESSABLE, invalid.detail(locale),
                Problem.errors(invalid.violations(), locale)).toResponse(), locale);
    }
}
