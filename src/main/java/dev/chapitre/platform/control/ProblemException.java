package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * A failure the client can do something about. Thrown from anywhere (also from EJBs, which pass
 * it through unwrapped and roll back), mapped once to problem+json, worded in the reader's
 * language only then: the detail is a {@link Message}.
 */
@ApplicationException(rollback = true)
public class ProblemException extends RuntimeException {

    /** RFC 9110's phrase for 422, which JAX-RS's {@code Status} does not know. */
    public static final String UNPROCESSABLE = "Unprocessable Content";

    private final int status;
    private final String title;
    private final Message detail;
    private final transient List<Violation> errors;
    private final OptionalInt retryAfterSeconds;

    public ProblemException(int status, String title, Message detail, List<Violation> errors) {
        this(status, title, detail, errors, OptionalInt.empty());
    }

    private ProblemException(int status, String title, Message detail, List<Violation> errors, OptionalInt retryAfterSeconds) {
        super(detail.toString());
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ProblemException(Status status, Message detail) {
        this(status.getStatusCode(), status.getReasonPhrase(), detail, List.of());
    }

    /** A problem whose detail is worded by the key {@code detail} with its arguments. */
    public ProblemException(Status status, String detail, Object... arguments) {
        this(status, Message.of(detail, arguments));
    }

    public static ProblemException badRequest(String detail, Object... arguments) {
        return new ProblemException(Status.BAD_REQUEST, detail, arguments);
    }

    public static ProblemException notFound(String detail, Object... arguments) {
        return new ProblemException(Status.NOT_FOUND, detail, arguments);
    }

    public static ProblemException conflict(String detail, Object... arguments) {
        return new ProblemException(Status.CONFLICT, detail, arguments);
    }

    public static ProblemException preconditionFailed(String detail, Object... arguments) {
        return new ProblemException(Status.PRECONDITION_FAILED, detail, arguments);
    }

    public static ProblemException tooLarge(String detail, Object... arguments) {
        return new ProblemException(Status.REQUEST_ENTITY_TOO_LARGE, detail, arguments);
    }

    public static ProblemException unsupportedMediaType(String detail, Object... arguments) {
        return new ProblemException(Status.UNSUPPORTED_MEDIA_TYPE, detail, arguments);
    }

    public static ProblemException unprocessable(String detail, Object... arguments) {
        return unprocessable(Message.of(detail, arguments));
    }

    public static ProblemException unprocessable(Message detail) {
        return new ProblemException(422, UNPROCESSABLE, detail, List.of());
    }

    /**
     * The same problem, said to be about one field of the client's input (the audio of an upload,
     * say), so that a form shows it next to that field.
     */
    public ProblemException about(String field) {
        var all = new ArrayList<>(errors);
        all.add(new Violation(field, detail));
        return new ProblemException(status, title, detail, all, retryAfterSeconds);
    }

    /** The same problem, telling the client how long to wait before it tries again ({@code Retry-After}). */
    public ProblemException retryAfter(int seconds) {
        return new ProblemException(status, title, detail, errors, OptionalInt.of(seconds));
    }

    public Message detail() {
        return detail;
    }

    public Problem problem(Locale locale) {
        return new Problem(status, title, detail.in(locale), Problem.errors(errors, locale));
    }

    /** The answer in {@code locale}'s language, with its {@code Retry-After} if it has one. */
    public Response toResponse(Locale locale) {
        var response = Response.fromResponse(problem(locale).toResponse());
        retryAfterSeconds.ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }

    /** In English, for answers outside JAX-RS, which know no reader's language. */
    public Problem problem() {
        return problem(Locale.ENGLISH);
    }
}
