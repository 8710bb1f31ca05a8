package dev.chapitre.media.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartReaderTest {

    static final String BOUNDARY = "----xyz123";

    @Test
    void readsPartsWithTheirHeadersAndExactBytes() throws IOException {
        var audio = new byte[300_000];
        new Random(1).nextBytes(audio);
        // Plant almost-delimiters in the data: they must pass through untouched.
        var near = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(near, 0, audio, 65_530, near.length);
        var body = body(part("episode", null, "application/json", "{\"title\":\"Épique\"}".getBytes(StandardCharsets.UTF_8)),
                part("audio", "a.mp3", "audio/mpeg", audio));

        var reader = new MultipartReader(trickle(body), BOUNDARY);
        var first = reader.next().orElseThrow();
        assertEquals("episode", first.name().orElseThrow());
        assertEquals("application/json", first.contentType().orElseThrow());
        assertEquals("{\"title\":\"Épique\"}", new String(first.body().readAllBytes(), StandardCharsets.UTF_8));
        var second = reader.next().orElseThrow();
        assertEquals("audio", second.name().orElseThrow());
        assertEquals("a.mp3", second.filename().orElseThrow());
        assertArrayEquals(audio, second.body().readAllBytes());
        assertTrue(reader.next().isEmpty());
    }

    @Test
    void skipsUnreadPartsAndThePreamble() throws IOException {
        var body = ("preamble to ignore\r\n" + new String(body(part("a", null, "text/plain", "one".getBytes()),
                part("b", null, "text/plain", "two".getBytes())), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        var reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
        assertEquals("a", reader.next().orElseThrow().name().orElseThrow());
        var b = reader.next().orElseThrow();
        assertEquals("two", new String(b.body().readAllBytes()));
    }

    @Test
    void aBodyCutOffInsideAPartIsAnError() throws IOException {
        var body = body(part("audio", "a.mp3", "audio/mpeg", new byte[10_000]));
        var cut = new byte[body.length / 2];
        System.arraycopy(body, 0, cut, 0, cut.length);
        var part = new MultipartReader(new ByteArrayInputStream(cut), BOUNDARY).next().orElseThrow();
        assertThrows(EOFException.class, () -> part.body().readAllBytes());
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsAnError() {
        var body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue").getBytes();
        assertThrows(EOFException.class, () -> {
            var reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);
            reader.next().orElseThrow().body().readAllBytes();
        });
    }

    @Test
    void findsTheBoundaryInTheContentType() {
        assertEquals("abc", MultipartReader.boundaryOf("multipart/form-data; boundary=abc").orElseThrow());
        assertEquals("a b", MultipartReader.boundaryOf("multipart/form-data; charset=utf-8; boundary=\"a b\"").orElseThrow());
        assertTrue(MultipartReader.boundaryOf("application/json").isEmpty());
        assertTrue(MultipartReader.boundaryOf("multipart/form-data").isEmpty());
        assertTrue(MultipartReader.boundaryOf(null).isEmpty());
    }

    static byte[] part(String name, String filename, String type, byte[] content) {
        var head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
        var headBytes = head.getBytes(StandardCharsets.UTF_8);
        var all = new byte[headBytes.length + content.length + 2];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(content, 0, all, headBytes.length, content.length);
        all[all.length - 2] = '\r';
        all[all.length - 1] = '\n';
        return all;
    }

    static byte[] body(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (var part : parts) {
            out.writeBytes(part);
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** Delivers the body in small, uneven pieces, as a network does. */
    static InputStream trickle(byte[] body) {
        return new FilterInputStream(new ByteArrayInputStream(body)) {
            final Random random = new Random(3);

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(7000)));
            }
        };
    }
}
