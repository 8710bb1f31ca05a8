package dev.chapitre.episodes.boundary;

import dev.chapitre.chapters.control.ChapterFormatException;
import dev.chapitre.chapters.entity.ChapterList;
import dev.chapitre.platform.control.ProblemException;
import jakarta.json.Json;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/** Broken chapter rules as one 422 that lists every bad chapter (and its line, for text input). */
@Provider
public class ChapterProblems implements ExceptionMapper<ChapterList.Invalid> {

    @Override
    public Response toResponse(ChapterList.Invalid invalid) {
        return withLines(invalid, List.of()).problem().toResponse();
    }

    static ProblemException withLines(ChapterList.Invalid invalid, List<Integer> lines) {
        var errors = Json.createArrayBuilder();
        for (var v : invalid.violations()) {
            var error = Json.createObjectBuilder();
            if (v.index() >= 0) {
                error.add("index", v.index());
                if (v.index() < lines.size()) {
                    error.add("line", lines.get(v.index()));
                }
            }
            errors.add(error.add("field", v.field()).add("reason", v.reason()));
        }
        var detail = invalid.violations().stream()
                .map(v -> (v.index() >= 0 ? "chapter " + v.index() + (v.index() < lines.size() ? " (line " + lines.get(v.index()) + ")" : "") + ": " : "")
                        + v.field() + " " + v.reason())
                .collect(Collectors.joining("; "));
        return ProblemException.unprocessable("The chapters were not saved: " + detail, errors.build());
    }

    /** The input is not in the format it was sent as. */
    @Provider
    public static class FormatProblems implements ExceptionMapper<ChapterFormatException> {
        @Override
        public Response toResponse(ChapterFormatException e) {
            return ProblemException.badRequest(e.getMessage()).problem().toResponse();
        }
    }
}
