package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (unknown path, wrong method, wrong media type) as problem+json. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        var original = exception.getResponse();
        var status = original.getStatusInfo();
        var detail = switch (status.getStatusCode()) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "None of the requested media types can be produced here.";
            case 415 -> "This address does not accept that content type.";
            default -> exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
        };
        var response = Response.fromResponse(original).type(Problem.TYPE)
                .entity(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail, null).toJson().toString());
        return response.build();
    }
}
