package dev.chapitre.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Four French sentences spoken by espeak-ng, joined with silences of known length, encoded as a
 * podcast would be (ffmpeg, 128 kbit/s, 44.1 kHz stereo): audio whose pauses the test knows.
 *
 * @param pauses where each silence really is, in ms: from the last sound of a part to the first of the next
 */
record SpokenFrench(Path mp3, List<long[]> pauses) {

    static final String[] PARTS = {
            "Bonjour et bienvenue dans Épique l'émission qui raconte l'Élysée.",
            "Premier chapitre en deux mille dix-sept le premier ministre arrive à Matignon.",
            "Deuxième chapitre avec les réformes de l'automne et la rentrée sociale.",
            "Merci de votre écoute et à la semaine prochaine."};
    // No commas: espeak-ng pauses 300 ms at each, a pause too, but not one the test put there.
    /** Seconds of silence after each part but the last. */
    static final double[] GAPS = {1.2, 2.0, 1.5};
    static final float RATE = 22_050;

    static SpokenFrench make(Path directory) throws Exception {
        var espeak = Tools.require("espeak-ng", "/usr/bin/espeak-ng");
        var ffmpeg = Tools.require("ffmpeg", "/usr/bin/ffmpeg");
        var joined = new ByteArrayOutputStream();
        var pauses = new ArrayList<long[]>();
        long samples = 0;
        for (int i = 0; i < PARTS.length; i++) {
            var wav = directory.resolve("part" + i + ".wav");
            Tools.run(List.of(espeak.toString(), "-v", "fr", "-w", wav.toString(), PARTS[i]));
            var speech = trimmed(wav);
            if (i > 0) {
                pauses.get(i - 1)[1] = millis(samples);
            }
            joined.writeBytes(speech);
            samples += speech.length / 2;
            if (i < GAPS.length) {
                pauses.add(new long[] {millis(samples), 0});
                int silence = (int) Math.round(GAPS[i] * RATE);
                joined.writeBytes(new byte[silence * 2]);
                samples += silence;
            }
        }
        var wav = directory.resolve("spoken.wav");
        var bytes = joined.toByteArray();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(bytes), new AudioFormat(RATE, 16, 1, true, false), bytes.length / 2),
                AudioFileFormat.Type.WAVE, wav.toFile());
        var mp3 = directory.resolve("spoken.mp3");
        Tools.run(List.of(ffmpeg.toString(), "-v", "error", "-y", "-i", wav.toString(), "-ar", "44100", "-ac", "2", "-b:a", "128k", mp3.toString()));
        return new SpokenFrench(mp3, List.copyOf(pauses));
    }

    /** A part's samples from its first to its last sound: espeak-ng ends each with about 0.3 s of silence of its own. */
    static byte[] trimmed(Path wav) throws Exception {
        try (var in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(RATE, in.getFormat().getSampleRate());
            var pcm = in.readAllBytes();
            var values = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
            int first = 0;
            int last = values.limit() - 1;
            while (first < last && Math.abs(values.get(first)) < 100) {
                first++;
            }
            while (last > first && Math.abs(values.get(last)) < 100) {
                last--;
            }
            return Arrays.copyOfRange(pcm, first * 2, (last + 1) * 2);
        }
    }

    static long millis(long samples) {
        return Math.round(samples * 1000 / RATE);
    }
}
