package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;
import dev.chapitre.platform.entity.Violation;
import dev.chapitre.transcripts.entity.CueRules;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A transcript file's bytes as text. Tools write UTF-8 (with or without a byte order mark) or, on
 * Windows, UTF-16; anything else is refused with the line to fix rather than read as mojibake.
 * The text comes back without the byte order mark and with LF line ends only.
 */
public final class TranscriptDecoding {

    /** Enough of the file to tell UTF-16 from text that merely contains a NUL. */
    private static final int SAMPLE = 4096;

    private TranscriptDecoding() {
    }

    /** The text, or {@link InvalidInput} with one violation of the field "file". */
    public static String text(byte[] bytes) {
        if (bytes.length == 0) {
            throw refused(Message.of("transcripts.file.empty"));
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return normalized(decode(bytes, 3, StandardCharsets.UTF_8));
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return normalized(decode(bytes, 2, StandardCharsets.UTF_16LE));
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return normalized(decode(bytes, 2, StandardCharsets.UTF_16BE));
        }
        FileSignature.of(bytes).ifPresent(signature -> {
            throw refused(Message.of("transcripts.file.looksLike", signature.describe()));
        });
        var utf16 = utf16WithoutMark(bytes);
        if (utf16.isPresent()) {
            return normalized(decode(bytes, 0, utf16.get()));
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw notText();
            }
        }
        return normalized(decode(bytes, 0, StandardCharsets.UTF_8));
    }

    /** Text of Latin letters in UTF-16 has a NUL in every other byte: the odd ones (LE) or the even ones (BE). */
    private static Optional<Charset> utf16WithoutMark(byte[] bytes) {
        int pairs = Math.min(bytes.length, SAMPLE) / 2;
        int evenNuls = 0, oddNuls = 0;
        for (int i = 0; i < pairs; i++) {
            evenNuls += bytes[2 * i] == 0 ? 1 : 0;
            oddNuls += bytes[2 * i + 1] == 0 ? 1 : 0;
        }
        if (pairs == 0) {
            return Optional.empty();
        }
        if (oddNuls * 10 >= pairs * 4 && evenNuls * 20 <= pairs) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (evenNuls * 10 >= pairs * 4 && oddNuls * 20 <= pairs) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    private static String decode(byte[] bytes, int from, Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        try {
            var text = decoder.decode(in).toString();
            if (text.indexOf('\u0000') >= 0) {
                throw notText();
            }
            return text;
        } catch (CharacterCodingException e) {
            // decode(ByteBuffer) leaves the buffer at the first byte it could not read
            int at = in.position();
            int line = 1 + (int) new String(bytes, from, at - from, charset).chars().filter(c -> c == '\n').count();
            if (charset == StandardCharsets.UTF_8) {
                throw refused(Message.of("transcripts.file.notUtf8", line, "0x%02X".formatted(bytes[at] & 0xFF)));
            }
            throw refused(e instanceof MalformedInputException && at + 2 > bytes.length
                    ? Message.of("transcripts.file.cutCharacter") : Message.of("transcripts.file.notCharset", line, charset.name()));
        }
    }

    private static String normalized(String text) {
        var body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static InvalidInput notText() {
        return refused(Message.of("transcripts.file.nul"));
    }

    static InvalidInput refused(Message reason) {
        return new InvalidInput(CueRules.NOT_SAVED, List.of(new Violation("file", reason)));
    }
}
