package dev.chapitre.media.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A single byte range of a Range header (RFC 9110 §14.1.2), resolved against a file's length.
 * Several ranges are answered with the whole file, as RFC 9110 allows; a header that does not
 * parse is ignored.
 */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    /** What a Range header asks of a file of {@code length} bytes. */
    public sealed interface Request permits Whole, Partial, Unsatisfiable {
    }

    public record Whole() implements Request {
    }

    public record Partial(ByteRange range) implements Request {
    }

    public record Unsatisfiable() implements Request {
    }

    public static Request of(Optional<String> header, long length) {
        if (header.isEmpty()) {
            return new Whole();
        }
        var m = SINGLE.matcher(header.get());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return new Whole();
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || length == 0) {
                    return new Unsatisfiable();
                }
                return new Partial(new ByteRange(Math.max(0, length - suffix), length - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? length - 1 : Math.min(Long.parseLong(m.group(2)), length - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return new Whole(); // invalid range-spec: the header is ignored
            }
            return first >= length ? new Unsatisfiable() : new Partial(new ByteRange(first, last));
        } catch (NumberFormatException tooLong) {
            return new Whole();
        }
    }

    public long length() {
        return last - first + 1;
    }
}
