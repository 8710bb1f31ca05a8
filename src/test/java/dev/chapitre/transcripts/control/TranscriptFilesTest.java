package dev.chapitre.transcripts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.transcripts.entity.Cue;
import dev.chapitre.transcripts.entity.CueRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranscriptFilesTest {

    @Test
    void aUtf16WindowsExportIsReadLikeAnyOther() {
        var srt = "1\r\n00:00:00,000 --> 00:00:01,000\r\nÀ l'écoute.\r\n";
        var bytes = TranscriptDecodingTest.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, srt.getBytes(StandardCharsets.UTF_16LE));
        var parsed = TranscriptFiles.read(bytes);
        assertEquals(TranscriptFormat.SRT, parsed.format());
        assertEquals(List.of(new Cue(0, 1_000, Optional.empty(), "À l'écoute.")), parsed.checked(1_000));
    }

    @Test
    void theEpisodesAudioSentByMistakeIsNamed() {
        var invalid = assertThrows(InvalidInput.class, () -> TranscriptFiles.read(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0x21}));
        assertEquals(CueRules.NOT_SAVED, invalid.summary());
        assertEquals("file is not a text file: it looks like an MP3 (audio), not a transcript", invalid.violations().get(0).describe());
        assertEquals("Fichier : n’est pas un fichier texte : il ressemble à un MP3 (audio), pas à une transcription",
                invalid.descriptions().get(0).in(Locale.FRENCH));
    }

    @Test
    void textInNoFormatWeReadIsRefused() {
        var invalid = assertThrows(InvalidInput.class, () -> TranscriptFiles.read("Bonjour,\nvoici mon texte.".getBytes(StandardCharsets.UTF_8)));
        assertEquals("file", invalid.violations().get(0).field());
        assertEquals(true, invalid.violations().get(0).reason().toString().startsWith("is in no format Chapitre reads"));
    }

    @Test
    void blankTextIsEmpty() {
        var invalid = assertThrows(InvalidInput.class, () -> TranscriptFiles.read("\n  \n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("is empty: there is no transcript in it", invalid.violations().get(0).reason().toString());
    }
}
