package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterFormatException;
import dev.chapitre.platform.boundary.ReadersLanguage;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Chapters not in the format they were sent as: a 400, the request itself is wrong, worded in the
 * client's language. Chapters that are readable but break a rule are an InvalidInput like any
 * other entity's, a 422.
 */
@Provider
public class ChapterFormatProblems implements ExceptionMapper<ChapterFormatException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ChapterFormatException e) {
        return ReadersLanguage.refusal(new ProblemException(Status.BAD_REQUEST, e.reason()), headers);
    }
}
