package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.entity.InvalidInput;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every broken rule as one 422 problem: {@code detail} for people, {@code errors} by field for
 * programs; a rule broken by one item of a list (a chapter) also names its {@code index}, and its
 * {@code line} when the list was sent as text.
 */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

    @Override
    public Response toResponse(InvalidInput invalid) {
        var errors = Json.createArrayBuilder();
        for (var v : invalid.violations()) {
            var error = Json.createObjectBuilder();
            v.item().ifPresent(item -> {
                error.add("index", item.index());
                item.line().ifPresent(line -> error.add("line", line));
            });
            errors.add(error.add("field", v.field()).add("reason", v.reason()));
        }
        return ProblemException.unprocessable(invalid.getMessage(), errors.build()).problem().toResponse();
    }
}
