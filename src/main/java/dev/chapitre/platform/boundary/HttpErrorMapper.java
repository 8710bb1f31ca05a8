package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.Problem;
import dev.chapitre.platform.entity.Message;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** JAX-RS's own errors (unknown path, wrong method, wrong media type) as problem+json. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        return answer(exception, ReadersLanguage.of(headers));
    }

    /** Ours for the errors a client makes (in its language), else JAX-RS's own English. */
    static Response answer(WebApplicationException exception, Locale locale) {
        var original = exception.getResponse();
        var status = original.getStatusInfo();
        var ours = switch (status.getStatusCode()) {
            case 404, 405, 406, 415 -> true;
            default -> false;
        };
        var said = ours ? locale : Locale.ENGLISH;
        var detail = ours ? Message.of("platform.http." + status.getStatusCode()).in(locale)
                : exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
        var response = Response.fromResponse(original).type(Problem.TYPE)
                .entity(new Problem(status.getStatusCode(), status.getReasonPhrase(), detail, null).toJson().toString());
        return ReadersLanguage.said(response.build(), said);
    }
}
