package dev.chapitre.platform.control;

import dev.chapitre.platform.entity.Message;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Bytes from a client decoded strictly: a sequence the charset does not define is a 400, never a silent U+FFFD. */
public final class TextBytes {

    private TextBytes() {
    }

    /** {@code what} names the text in the message ("The body", "The part 'episode'"). */
    public static String decode(byte[] bytes, Charset charset, Message what) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        if (decoder.decode(in, out, true).isError()) {
            throw ProblemException.badRequest("platform.text.notDecodable", what, charset.name(), in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
