package dev.chapitre.media.control;

import dev.chapitre.platform.entity.Message;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A streaming reader of multipart/form-data (RFC 7578): each part's body is read straight from the
 * request, so a 1 GB audio part never sits in memory or in a container's temporary file.
 */
public final class MultipartReader {

    /** A part; its body must be read (or skipped) before asking for the next one. */
    public record Part(Map<String, String> headers, InputStream body) {

        private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"|;\\s*name=([^;\\s]+)");
        private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"|;\\s*filename=([^;\\s]+)");

        public Optional<String> name() {
            return parameter(NAME);
        }

        public Optional<String> filename() {
            return parameter(FILENAME);
        }

        public Optional<String> contentType() {
            return Optional.ofNullable(headers.get("content-type")).map(String::trim);
        }

        private Optional<String> parameter(Pattern pattern) {
            var disposition = headers.get("content-disposition");
            if (disposition == null) {
                return Optional.empty();
            }
            Matcher m = pattern.matcher(disposition);
            return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
        }
    }

    /** The body does not follow the multipart syntax; the message is the reason in English. */
    public static final class Malformed extends IOException {

        private final Message reason;

        public Malformed(Message reason) {
            super(reason.toString());
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    /** The body ends before the multipart syntax says it may; the message is the reason in English. */
    public static final class CutOff extends EOFException {

        private final Message reason;

        public CutOff(Message reason) {
            super(reason.toString());
            this.reason = reason;
        }

        public Message reason() {
            return reason;
        }
    }

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))");

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean eof;
    private boolean finished;
    private PartBody current;

    public MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary line has no CRLF before it; pretending it had one makes every
        // boundary the same delimiter.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    public static Optional<String> boundaryOf(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        var m = BOUNDARY.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        var boundary = m.group(1) != null ? m.group(1) : m.group(2);
        return boundary.isEmpty() || boundary.length() > 70 ? Optional.empty() : Optional.of(boundary);
    }

    /** The next part, or empty after the closing boundary. */
    public Optional<Part> next() throws IOException {
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            new PartBody().transferTo(OutputStreamSink.INSTANCE); // the preamble
        } else {
            current.transferTo(OutputStreamSink.INSTANCE); // what the caller left unread
        }
        if (!fill(2)) {
            throw new CutOff(Message.of("media.multipart.noClosingBoundary"));
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return Optional.empty();
        }
        skipLinearWhitespace();
        expectCrLf();
        var headers = readHeaders();
        current = new PartBody();
        return Optional.of(new Part(headers, current));
    }

    private void skipLinearWhitespace() throws IOException {
        while (fill(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
            position++;
        }
    }

    private void expectCrLf() throws IOException {
        if (!fill(2) || buffer[position] != '\r' || buffer[position + 1] != '\n') {
            throw new Malformed(Message.of("media.multipart.noCrLf"));
        }
        position += 2;
    }

    private Map<String, String> readHeaders() throws IOException {
        var headers = new LinkedHashMap<String, String>();
        int total = 0;
        while (true) {
            var line = readLine();
            total += line.length() + 2;
            if (total > MAX_HEADER_BYTES) {
                throw new Malformed(Message.of("media.multipart.headersTooLarge", MAX_HEADER_BYTES));
            }
            if (line.isEmpty()) {
                return headers;
            }
            var colon = line.indexOf(':');
            if (colon <= 0) {
                throw new Malformed(Message.of("media.multipart.notAHeader", line));
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = position; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    var line = new String(buffer, position, i - position, StandardCharsets.UTF_8);
                    position = i + 2;
                    return line;
                }
            }
            if (limit - position >= MAX_HEADER_BYTES) {
                throw new Malformed(Message.of("media.multipart.headerTooLong"));
            }
            if (!fill(limit - position + 1)) {
                throw new CutOff(Message.of("media.multipart.endsInHeaders"));
            }
        }
    }

    /** Makes at least {@code needed} bytes available from {@code position}; false at end of input. */
    private boolean fill(int needed) throws IOException {
        if (limit - position >= needed) {
            return true;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit < needed && !eof) {
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return limit - position >= needed;
    }

    private int indexOfDelimiter() {
        var first = delimiter[0];
        outer:
        for (int i = position; i <= limit - delimiter.length; i++) {
            if (buffer[i] != first) {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The body of one part: ends just before the next delimiter. */
    private final class PartBody extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            var one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            fill(delimiter.length);
            int found = indexOfDelimiter();
            int available;
            if (found >= 0) {
                available = found - position;
                if (available == 0) {
                    position += delimiter.length;
                    ended = true;
                    return -1;
                }
            } else if (eof) {
                throw new CutOff(Message.of("media.multipart.endsInPart"));
            } else {
                // Keep a possible partial delimiter at the end of the buffer for the next round.
                available = limit - position - (delimiter.length - 1);
            }
            int n = Math.min(length, available);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }
    }

    /** Discards what it is given. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
