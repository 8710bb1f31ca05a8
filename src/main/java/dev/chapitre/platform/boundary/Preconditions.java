package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import java.util.Arrays;
import java.util.Optional;

/** If-Match (RFC 9110 §13.1.1): a write based on a stale representation is refused with 412. */
public final class Preconditions {

    private Preconditions() {
    }

    public static void requireMatch(Optional<String> ifMatch, String currentEtag) {
        if (ifMatch.isEmpty() || ifMatch.get().isBlank()) {
            return;
        }
        var header = ifMatch.get().trim();
        if (header.equals("*")) {
            return;
        }
        // Strong comparison: a weak validator never matches for If-Match.
        boolean matches = Arrays.stream(header.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals(currentEtag));
        if (!matches) {
            throw ProblemException.preconditionFailed("platform.etag.changed", currentEtag, header);
        }
    }

    public static String strong(String opaque) {
        return "\"" + opaque + "\"";
    }
}
