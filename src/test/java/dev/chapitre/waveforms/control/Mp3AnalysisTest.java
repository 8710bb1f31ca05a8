package dev.chapitre.waveforms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chapitre.waveforms.entity.Pause;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Decoding real MP3 files. {@code tone-pause-64k.mp3}: a 440 Hz tone (lavfi's sine, 1/8 of full scale, halved), silent from 2.0
 * to 3.5 s, stereo, 64 kbit/s, made with
 * {@code ffmpeg -f lavfi -i "sine=f=440:d=6" -af "volume=0.5,volume=enable='between(t,2,3.5)':volume=0" -ac 2 -b:a 64k}.
 * ffmpeg's {@code silencedetect} (−40 dB, 0.3 s) places that silence at 2.020–3.506 s: the filter
 * mutes from the first of its 1024-sample frames that starts after 2.0 s. {@code lsf-vbr-22k.mp3}: MPEG-2
 * at 22.05 kHz, mono, LAME's lowest VBR quality (frames of 26 bytes in silence, so that the bit
 * reservoir reaches back over many frames), a 330 Hz tone silent 3–4.2 s and 8–8.6 s.
 */
class Mp3AnalysisTest {

    static InputStream fixture(String name) {
        return Mp3AnalysisTest.class.getResourceAsStream("/audio/" + name);
    }

    @Test
    void theSilenceIsFoundWhereFfmpegFindsIt() throws IOException {
        var analysis = Mp3Analysis.of(fixture("tone-pause-64k.mp3"), PauseRule.SPEECH, () -> false);

        assertEquals(1, analysis.pauses().size(), analysis.pauses().toString());
        Pause pause = analysis.pauses().get(0);
        assertEquals(2020, pause.startMs(), 20, pause.toString());
        assertEquals(3506, pause.endMs(), 20, pause.toString());
        assertEquals(44_100, analysis.sampleRate());
        assertEquals(441, analysis.samplesPerPixel());
        assertEquals(6000, analysis.durationMs(), 30);
        assertEquals(analysis.durationMs() / 10, analysis.pixels(), 2);
    }

    @Test
    void peaksFollowTheToneAndTheSilence() throws IOException {
        var analysis = Mp3Analysis.of(fixture("tone-pause-64k.mp3"), PauseRule.SPEECH, () -> false);
        var peaks = analysis.peaks();

        // ffmpeg decodes the tone at 1 s to ±1376 (lavfi's sine is at 1/8 of full scale, then halved):
        // 5 and -6 in eight bits, a 16-bit value's high byte.
        int loudMax = peaks[2 * 100 + 1];
        int loudMin = peaks[2 * 100];
        assertEquals(5, loudMax, 1, "max at 1 s");
        assertEquals(-6, loudMin, 1, "min at 1 s");
        assertTrue(Math.abs(peaks[2 * 280 + 1]) <= 1 && Math.abs(peaks[2 * 280]) <= 1, "silent at 2.8 s");
    }

    @Test
    void aMonoVbrFileDecodesToItsLength() throws IOException {
        var analysis = Mp3Analysis.of(fixture("noise-vbr.mp3"), PauseRule.SPEECH, () -> false);

        assertEquals(5000, analysis.durationMs(), 60);
        assertEquals(0, analysis.pauses().size());
    }

    @Test
    void theLameTagSaysWhereTheSoundStarts() throws IOException {
        var in = new java.io.BufferedInputStream(fixture("tone-pause-64k.mp3"));
        var start = GaplessStart.read(in);

        assertTrue(start.infoFrame());
        assertEquals(576 + GaplessStart.DECODER_DELAY, start.skipSamples());
        assertEquals(0xff, in.read(), "left at the first frame's sync");
    }

    /** Parts decoded side by side, each warmed up on the frames before it, join into what one pass gives, byte for byte. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tone-pause-64k.mp3", "noise-vbr.mp3", "ffmpeg-chapters.mp3", "lsf-vbr-22k.mp3"})
    void partsDecodedSideBySideGiveWhatOnePassGives(String name) throws Exception {
        var file = java.nio.file.Files.createTempFile("waveform", ".mp3");
        try {
            try (var in = fixture(name)) {
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            var onePass = Mp3Analysis.of(fixture(name), PauseRule.SPEECH, () -> false);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                var inParts = Mp3Analysis.of(file, PauseRule.SPEECH, () -> false, pool, 4, 40);

                org.junit.jupiter.api.Assertions.assertArrayEquals(onePass.peaks(), inParts.peaks());
                assertEquals(onePass.pauses(), inParts.pauses());
                assertEquals(onePass.durationMs(), inParts.durationMs());
                assertEquals(onePass.sampleRate(), inParts.sampleRate());
            } finally {
                pool.shutdownNow();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void whatIsNotMpegAudioIsRefused() {
        var text = new ByteArrayInputStream("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n".repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThrows(IOException.class, () -> Mp3Analysis.of(text, PauseRule.SPEECH, () -> false));
    }

    @Test
    void aCancelledScanStops() {
        assertThrows(IOException.class, () -> Mp3Analysis.of(fixture("tone-pause-64k.mp3"), PauseRule.SPEECH, () -> true));
    }
}
