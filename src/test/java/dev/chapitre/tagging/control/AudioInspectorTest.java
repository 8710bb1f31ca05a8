package dev.chapitre.tagging.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioInspectorTest {

    final AudioInspector inspector = new AudioInspector();

    @TempDir
    Path dir;

    @Test
    void measuresCbrAndVbr() throws Exception {
        var cbr = inspector.inspect(copy("/audio/tone-cbr-128k.mp3"));
        assertEquals(128, cbr.bitrateKbps());
        assertTrue(Math.abs(cbr.durationMs() - 6030) < 60, "" + cbr);
        var vbr = inspector.inspect(copy("/audio/noise-vbr.mp3"));
        assertTrue(vbr.variableBitrate());
        assertTrue(Math.abs(vbr.durationMs() - 5040) < 60, "" + vbr);
    }

    @Test
    void namesWhatAnUploadReallyIs() throws IOException {
        var wav = dir.resolve("x.mp3");
        Files.write(wav, ("RIFF\0\0\0\0WAVEfmt " + "\0".repeat(100)).getBytes());
        var error = assertThrows(NotMpegAudio.class, () -> inspector.inspect(wav));
        assertEquals("This is a WAV file, not an MP3 file.", error.getMessage());
        assertEquals("C’est un fichier WAV, pas un fichier MP3.", error.reason().in(Locale.FRENCH));
        assertEquals(NotMpegAudio.Kind.NOT_AUDIO, error.kind());

        var empty = Files.write(dir.resolve("empty.mp3"), new byte[0]);
        assertTrue(assertThrows(NotMpegAudio.class, () -> inspector.inspect(empty)).getMessage().contains("empty"));
    }

    @Test
    void aCutOffFileIsDamaged() throws Exception {
        var whole = Files.readAllBytes(copy("/audio/noise-vbr.mp3"));
        var cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(whole, whole.length / 3));
        var error = assertThrows(NotMpegAudio.class, () -> inspector.inspect(cut));
        assertEquals(NotMpegAudio.Kind.DAMAGED, error.kind());
    }

    Path copy(String resource) throws IOException {
        var target = dir.resolve(Path.of(resource).getFileName().toString());
        try (var in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
