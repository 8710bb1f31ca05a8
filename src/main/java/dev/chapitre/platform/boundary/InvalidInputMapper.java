package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every broken rule as one 422 problem: {@code detail} for people, {@code errors} by field for programs. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput invalid) {
        var errors = Json.createArrayBuilder();
        invalid.violations().forEach(v -> errors.add(Json.createObjectBuilder().add("field", v.field()).add("reason", v.reason())));
        return ProblemException.unprocessable(invalid.getMessage(), errors.build()).problem().toResponse();
    }
}
