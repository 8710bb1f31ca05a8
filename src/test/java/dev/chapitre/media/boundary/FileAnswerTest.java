package dev.chapitre.media.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The one answer both delivery paths use: the file is 1000 bytes, last written at MODIFIED. */
class FileAnswerTest {

    static final long LENGTH = 1000;
    static final long MODIFIED = Instant.parse("2026-03-01T10:00:00.250Z").toEpochMilli();
    static final String ETAG = "\"3e8-" + Long.toHexString(MODIFIED) + "\"";

    static FileAnswer answer(String... headers) {
        return FileAnswer.to(request(headers), LENGTH, MODIFIED);
    }

    @Test
    void noHeadersGetTheWholeFile() {
        var whole = answer();
        assertEquals(new FileAnswer(200, 0, LENGTH, LENGTH, ETAG, MODIFIED), whole);
        assertEquals(LENGTH, whole.bodyBytes());
        assertEquals(Map.of("status", "200", "Content-Length", "1000"), written(whole::writeStatus));
    }

    @Test
    void aRangeGets206WithItsContentRange() {
        var partial = answer("Range", "bytes=100-199");
        assertEquals(100, partial.bodyBytes());
        assertEquals(Map.of("status", "206", "Content-Range", "bytes 100-199/1000", "Content-Length", "100"), written(partial::writeStatus));
        assertEquals("bytes 990-999/1000", written(answer("Range", "bytes=-10")::writeStatus).get("Content-Range"));
    }

    @Test
    void aRangePastTheEndGets416WithoutBody() {
        var past = answer("Range", "bytes=1000-");
        assertFalse(past.hasBody());
        assertEquals(0, past.bodyBytes());
        assertEquals(Map.of("status", "416", "Content-Range", "bytes */1000", "Content-Length", "0"), written(past::writeStatus));
    }

    @Test
    void aCurrentCopyGets304ByEtagOrDate() {
        for (var current : new String[][] {{"If-None-Match", ETAG}, {"If-None-Match", "W/" + ETAG}, {"If-None-Match", "\"x\", " + ETAG},
                {"If-Modified-Since", http(MODIFIED)}, {"If-None-Match", ETAG, "Range", "bytes=0-9"}}) {
            var notModified = answer(current);
            assertEquals(304, notModified.status(), String.join(" ", current));
            assertEquals(0, notModified.bodyBytes());
            assertEquals(Map.of("status", "304"), written(notModified::writeStatus));
        }
        assertEquals(200, answer("If-None-Match", "\"another\"").status());
        assertEquals(200, answer("If-Modified-Since", http(MODIFIED - 60_000)).status());
        assertEquals(200, answer("If-Modified-Since", "yesterday").status(), "a malformed date is ignored");
    }

    @Test
    void ifRangeOfAnotherVersionGetsTheWholeFile() {
        assertEquals(206, answer("Range", "bytes=100-199", "If-Range", ETAG).status());
        assertEquals(206, answer("Range", "bytes=100-199", "If-Range", http(MODIFIED)).status());
        assertEquals(200, answer("Range", "bytes=100-199", "If-Range", "\"an-old-version\"").status());
        assertEquals(200, answer("Range", "bytes=100-199", "If-Range", http(MODIFIED - 1000)).status());
        assertEquals(200, answer("Range", "bytes=100-199", "If-Range", "not a date").status());
    }

    @Test
    void validatorsDescribeTheVersionWhateverTheStatus() {
        var expected = Map.of("Accept-Ranges", "bytes", "ETag", ETAG, "Last-Modified", String.valueOf(MODIFIED));
        assertEquals(expected, written(answer()::writeValidators));
        assertEquals(expected, written(answer("If-None-Match", ETAG)::writeValidators));
        assertTrue(ETAG.startsWith("\""), "strong");
    }

    static String http(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    /** A request with these headers; getDateHeader parses like a container (malformed → IllegalArgumentException). */
    static HttpServletRequest request(String... headers) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < headers.length; i += 2) {
            values.put(headers[i], headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(FileAnswerTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getHeader" -> values.get((String) args[0]);
                    case "getDateHeader" -> {
                        var value = values.get((String) args[0]);
                        try {
                            yield value == null ? -1L : ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                        } catch (java.time.format.DateTimeParseException e) {
                            throw new IllegalArgumentException(value);
                        }
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The headers (and status) a part of the answer writes. */
    static Map<String, String> written(java.util.function.Consumer<HttpServletResponse> part) {
        var headers = new TreeMap<String, String>();
        part.accept((HttpServletResponse) Proxy.newProxyInstance(FileAnswerTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> headers.put("status", String.valueOf(args[0]));
                        case "setHeader", "setDateHeader" -> headers.put((String) args[0], String.valueOf(args[1]));
                        case "setContentLengthLong" -> headers.put("Content-Length", String.valueOf(args[0]));
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                }));
        return headers;
    }
}
