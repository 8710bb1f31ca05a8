package dev.chapitre.platform.control;

import jakarta.ejb.ApplicationException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.core.Response.Status;

/**
 * A failure the client can do something about. Thrown from anywhere (also from EJBs, which pass
 * it through unwrapped and roll back), mapped once to problem+json.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final transient JsonArray errors;

    public ProblemException(int status, String title, String detail, JsonArray errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? Json.createArrayBuilder().build() : errors;
    }

    public ProblemException(Status status, String detail) {
        this(status.getStatusCode(), status.getReasonPhrase(), detail, null);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Status.BAD_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Status.NOT_FOUND, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Status.CONFLICT, detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(Status.PRECONDITION_FAILED, detail);
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, detail);
    }

    public static ProblemException unsupportedMediaType(String detail) {
        return new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, null);
    }

    public static ProblemException unprocessable(String detail, JsonArray errors) {
        return new ProblemException(422, "Unprocessable Content", detail, errors);
    }

    /**
     * The same problem, said to be about one field of the client's input (the audio of an upload,
     * say), so that a form shows it next to that field.
     */
    public ProblemException about(String field) {
        var errors = Json.createArrayBuilder(this.errors)
                .add(Json.createObjectBuilder().add("field", field).add("reason", getMessage()));
        return new ProblemException(status, title, getMessage(), errors.build());
    }

    public Problem problem() {
        return new Problem(status, title, getMessage(), errors);
    }
}
