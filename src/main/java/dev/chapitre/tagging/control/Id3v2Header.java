package dev.chapitre.tagging.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ID3v2 tag header: "ID3", version, flags, a 28-bit sync-safe size, and an optional footer.
 * Public for download counting, which needs to know where an MP3's audio starts (IAB: the tag plus
 * a minute of audio).
 */
public final class Id3v2Header {

    public static final int HEADER_BYTES = 10;

    private Id3v2Header() {
    }

    /** Where the audio starts: the size of the ID3v2 tag at the start of the file (0 without one). */
    public static long sizeAt(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sizeOf(in);
        }
    }

    /** The same, from the first bytes of a file (only {@link #HEADER_BYTES} are read). */
    public static long sizeOf(InputStream start) throws IOException {
        var header = start.readNBytes(HEADER_BYTES);
        if (!isTag(header)) {
            return 0;
        }
        boolean footer = (header[5] & 0x10) != 0;
        return 10L + syncsafe(header, 6) + (footer ? 10 : 0);
    }

    static boolean isTag(byte[] header) {
        return header.length >= 10 && header[0] == 'I' && header[1] == 'D' && header[2] == '3';
    }

    /** A 28-bit integer spread over four bytes of 7 bits each. */
    static int syncsafe(byte[] b, int at) {
        return ((b[at] & 0x7f) << 21) | ((b[at + 1] & 0x7f) << 14) | ((b[at + 2] & 0x7f) << 7) | (b[at + 3] & 0x7f);
    }
}
