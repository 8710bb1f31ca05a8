package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterFormatException;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Chapters not in the format they were sent as: a 400, the request itself is wrong. Chapters that
 * are readable but break a rule are an InvalidInput like any other entity's, a 422.
 */
@Provider
public class ChapterFormatProblems implements ExceptionMapper<ChapterFormatException> {

    @Override
    public Response toResponse(ChapterFormatException e) {
        return ProblemException.badRequest(e.getMessage()).problem().toResponse();
    }
}
