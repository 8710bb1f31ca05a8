package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.Message;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The first bytes of the files producers pick by mistake instead of the transcript (the episode's
 * audio, the cover, a PDF or Word export): naming what was sent is more useful than "not UTF-8".
 */
enum FileSignature {

    ID3(Message.of("transcripts.signature.mp3")),
    MPEG_FRAME(Message.of("transcripts.signature.mp3")),
    WAV(Message.of("transcripts.signature.wav")),
    OGG(Message.of("transcripts.signature.ogg")),
    FLAC(Message.of("transcripts.signature.flac")),
    MP4(Message.of("transcripts.signature.mp4")),
    PNG(Message.of("transcripts.signature.png")),
    JPEG(Message.of("transcripts.signature.jpeg")),
    PDF(Message.of("transcripts.signature.pdf")),
    ZIP(Message.of("transcripts.signature.zip"));

    private final Message description;

    FileSignature(Message description) {
        this.description = description;
    }

    /** "an MP3 (audio)": what the file is and of what kind, in the reader's language when said. */
    Message describe() {
        return description;
    }

    /** Called after the byte order marks are ruled out: FF FE is UTF-16's, and also an MPEG frame header. */
    static Optional<FileSignature> of(byte[] bytes) {
        return Arrays.stream(values()).filter(signature -> signature.matches(bytes)).findFirst();
    }

    private boolean matches(byte[] b) {
        return switch (this) {
            case ID3 -> startsWith(b, 0, "ID3");
            // 11 bits of frame sync, then a layer other than "reserved"
            case MPEG_FRAME -> b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0;
            case WAV -> startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE");
            case OGG -> startsWith(b, 0, "OggS");
            case FLAC -> startsWith(b, 0, "fLaC");
            case MP4 -> startsWith(b, 4, "ftyp");
            case PNG -> b.length >= 4 && (b[0] & 0xFF) == 0x89 && startsWith(b, 1, "PNG");
            case JPEG -> b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
            case PDF -> startsWith(b, 0, "%PDF");
            case ZIP -> startsWith(b, 0, "PK\u0003\u0004");
        };
    }

    private static boolean startsWith(byte[] bytes, int offset, String ascii) {
        var expected = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return bytes.length >= offset + expected.length
                && Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
    }
}
