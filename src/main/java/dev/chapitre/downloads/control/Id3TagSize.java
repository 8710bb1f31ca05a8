package dev.chapitre.downloads.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How many bytes an MP3 starts with before its audio: the ID3v2 tag, whose 10-byte header says its
 * size. Read from the file rather than derived from duration × bit rate, which is only as right as
 * the stored duration (a VBR estimate, a stale Info frame).
 */
public final class Id3TagSize {

    private static final int HEADER = 10;
    private static final int FOOTER_PRESENT = 0x10;

    private Id3TagSize() {
    }

    /** The tag's size with its header (and footer), 0 without a tag or a readable file. */
    public static long of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(HEADER));
        } catch (IOException unreadable) {
            return 0;
        }
    }

    static long of(byte[] header) {
        if (header.length < HEADER || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return 0;
        }
        long size = 0;
        for (int i = 6; i < HEADER; i++) {
            if ((header[i] & 0x80) != 0) {
                return 0; // not synchsafe: not a tag
            }
            size = size << 7 | header[i];
        }
        return HEADER + size + ((header[5] & FOOTER_PRESENT) != 0 ? HEADER : 0);
    }
}
