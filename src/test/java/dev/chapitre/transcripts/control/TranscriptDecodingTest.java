package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Violation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptDecodingTest {

    private static final String FRENCH = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nÇa commence, élégamment.\n";

    @Test
    void utf8WithAndWithoutByteOrderMarkGivesTheSameText() {
        assertEquals(FRENCH, TranscriptDecoding.text(FRENCH.getBytes(StandardCharsets.UTF_8)));
        assertEquals(FRENCH, TranscriptDecoding.text(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                FRENCH.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void utf16WithByteOrderMarkInBothByteOrders() {
        assertEquals(FRENCH, TranscriptDecoding.text(concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                FRENCH.getBytes(StandardCharsets.UTF_16LE))));
        assertEquals(FRENCH, TranscriptDecoding.text(concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                FRENCH.getBytes(StandardCharsets.UTF_16BE))));
    }

    @Test
    void utf16WithoutByteOrderMarkIsToldByItsNulBytes() {
        assertEquals(FRENCH, TranscriptDecoding.text(FRENCH.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(FRENCH, TranscriptDecoding.text(FRENCH.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void windowsAndOldMacLineEndsBecomeLineFeeds() {
        assertEquals("1\n2\n3\n", TranscriptDecoding.text("1\r\n2\r3\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void latin1IsRefusedWithTheLineAndTheByte() {
        var latin1 = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nCafé\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("is not UTF-8 or UTF-16 text: line 4 has byte 0xE9, which is not UTF-8 (save the file as UTF-8)",
                refusal(latin1).reason().toString());
    }

    @Test
    void audioAndImagesAreNamed() {
        assertEquals("is not a text file: it looks like an MP3 (audio), not a transcript",
                refusal(concat("ID3".getBytes(StandardCharsets.US_ASCII), new byte[] {4, 0, 0, 0, 0, 0, 0})).reason().toString());
        assertEquals("is not a text file: it looks like an MP3 (audio), not a transcript",
                refusal(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64, 0, 0}).reason().toString());
        assertEquals("is not a text file: it looks like a PNG (image), not a transcript",
                refusal(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).reason().toString());
        assertEquals("is not a text file: it looks like a ZIP archive or Word .docx (export the transcript as text), not a transcript",
                refusal(new byte[] {'P', 'K', 3, 4, 20, 0}).reason().toString());
        assertEquals("is not a text file: it looks like an MP4 or M4A (audio or video), not a transcript",
                refusal(new byte[] {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'M', '4', 'A', ' '}).reason().toString());
    }

    @Test
    void aNulByteInUtf8TextIsNoText() {
        assertEquals("is not a text file: it contains NUL bytes, which no transcript has",
                refusal("[00:00:00] Bonjour tout le monde, bienvenue\u0000".getBytes(StandardCharsets.UTF_8)).reason().toString());
    }

    @Test
    void anEmptyFileIsSaidToBeEmpty() {
        var refused = refusal(new byte[0]);
        assertEquals("file", refused.field());
        assertEquals("is empty: there is no transcript in it", refused.reason().toString());
    }

    static Violation refusal(byte[] bytes) {
        var invalid = assertThrows(InvalidInput.class, () -> TranscriptDecoding.text(bytes));
        assertEquals(1, invalid.violations().size());
        return invalid.violations().get(0);
    }

    static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        List.of(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
