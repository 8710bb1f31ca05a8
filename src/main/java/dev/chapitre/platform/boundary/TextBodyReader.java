package dev.chapitre.platform.boundary;

import dev.chapitre.platform.control.ProblemException;
import dev.chapitre.platform.control.RequestBodies;
import dev.chapitre.platform.control.TextBytes;
import dev.chapitre.platform.entity.Message;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Every text body of the API (JSON, chapter text) is read here instead of by Jersey's own reader,
 * which would answer an unknown charset with a 500 and replace bytes that are not UTF-8 with U+FFFD
 * without a word: a body is at most {@link #MAX_BYTES}, JSON is UTF-8, other text may name a charset
 * this JVM knows, and bytes that do not decode are a 400.
 */
@Provider
@Consumes({MediaType.WILDCARD, "text/*", MediaType.TEXT_PLAIN}) // as specific as Jersey's own readers, so ours is chosen
public class TextBodyReader implements MessageBodyReader<String> {

    /** Show notes of 100,000 characters fit, with room for JSON escapes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == String.class;
    }

    @Override
    public String readFrom(Class<String> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                           MultivaluedMap<String, String> headers, InputStream body) throws IOException {
        var charset = charsetOf(mediaType);
        var bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            RequestBodies.drain(body);
            throw ProblemException.tooLarge("platform.body.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        return TextBytes.decode(bytes, charset, Message.of("platform.text.body"));
    }

    static Charset charsetOf(MediaType mediaType) {
        var name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        Charset charset;
        try {
            charset = Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ProblemException.unsupportedMediaType("platform.charset.unsupported", name);
        }
        boolean json = mediaType.getSubtype().toLowerCase(Locale.ROOT).contains("json");
        if (json && !charset.equals(StandardCharsets.UTF_8)) {
            throw ProblemException.unsupportedMediaType("platform.charset.json", name);
        }
        return charset;
    }
}
