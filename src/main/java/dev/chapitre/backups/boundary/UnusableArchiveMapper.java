package dev.chapitre.backups.boundary;

import dev.chapitre.backups.entity.UnusableArchive;
import dev.chapitre.platform.control.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An archive that cannot be restored is a 422: it was found before anything was written. */
@Provider
public class UnusableArchiveMapper implements ExceptionMapper<UnusableArchive> {

    @Override
    public Response toResponse(UnusableArchive unusable) {
        return ProblemException.unprocessable("This archive cannot be restored: " + unusable.getMessage() + " Nothing was changed.")
                .problem().toResponse();
    }
}
