package dev.chapitre.downloads.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Id3TagSizeTest {

    @Test
    void theHeaderSaysHowLongTheTagIs() {
        // 257 bytes after the header: synchsafe 0x00 0x00 0x02 0x01
        assertEquals(10 + 257, Id3TagSize.of(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 2, 1}));
        assertEquals(10 + 257 + 10, Id3TagSize.of(new byte[] {'I', 'D', '3', 4, 0, 0x10, 0, 0, 2, 1}), "ID3v2.4 with a footer");
        assertEquals(0, Id3TagSize.of(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0, 0, 0, 0, 0, 0, 0}), "audio from the first byte");
        assertEquals(0, Id3TagSize.of(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, (byte) 0x82, 1}), "not synchsafe");
        assertEquals(0, Id3TagSize.of(new byte[] {'I', 'D'}), "too short");
    }

    @Test
    void aFileThatCannotBeReadHasNoTagToWaitFor(@TempDir Path dir) throws IOException {
        assertEquals(0, Id3TagSize.of(dir.resolve("gone.mp3")));
        var mp3 = Files.write(dir.resolve("tagged.mp3"), new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 1, 0, 'x'});
        assertEquals(10 + 128, Id3TagSize.of(mp3));
    }
}
