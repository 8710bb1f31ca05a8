package dev.chapitre.backups.boundary;

import dev.chapitre.backups.entity.UnusableArchive;
import dev.chapitre.platform.boundary.ReadersLanguage;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An archive that cannot be restored is a 422: it was found before anything was written. Said in
 * the reader's language around the reason, which stays English (what the operator's restore checks found).
 */
@Provider
public class UnusableArchiveMapper implements ExceptionMapper<UnusableArchive> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(UnusableArchive unusable) {
        return ReadersLanguage.refusal(ProblemException.unprocessable("backups.archive.unusable", unusable.getMessage()), headers);
    }
}
