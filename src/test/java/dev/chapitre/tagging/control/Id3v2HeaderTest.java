package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an MP3's audio starts, as download counting asks it (the tag plus a minute of audio). */
class Id3v2HeaderTest {

    @TempDir
    Path dir;

    long sizeOf(byte... header) throws Exception {
        var file = Files.createTempFile(dir, "tag", ".mp3");
        Files.write(file, header);
        return Id3v2Header.sizeAt(file);
    }

    @Test
    void theHeaderSaysHowLongTheTagIs() throws Exception {
        assertEquals(10 + 257, sizeOf((byte) 'I', (byte) 'D', (byte) '3', (byte) 3, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 2, (byte) 1));
        assertEquals(10 + 257 + 10, sizeOf((byte) 'I', (byte) 'D', (byte) '3', (byte) 4, (byte) 0, (byte) 0x10, (byte) 0, (byte) 0, (byte) 2, (byte) 1),
                "ID3v2.4 with a footer");
        assertEquals(0, sizeOf((byte) 0xFF, (byte) 0xFB, (byte) 0x90, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0),
                "audio from the first byte");
        assertEquals(0, sizeOf((byte) 'I', (byte) 'D'), "too short to be a tag");
    }
}
