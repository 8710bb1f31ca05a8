package dev.chapitre.waveforms.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chapitre.waveforms.entity.Pause;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelScanTest {

    static final int RATE = 48_000;

    /** {@code seconds} of a tone at {@code amplitude} (16-bit scale), 0 for silence. */
    static float[] tone(double seconds, double amplitude) {
        var samples = new float[(int) Math.round(seconds * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * 300 * i / RATE));
        }
        return samples;
    }

    static AudioAnalysis scan(PauseRule rule, float[]... parts) {
        var scan = new LevelScan(RATE, rule);
        for (var part : parts) {
            scan.accept(part, part.length);
        }
        return LevelScan.joined(RATE, rule, List.of(scan.finish()));
    }

    @Test
    void pausesAreTheQuietStretchesAtLeastAsLongAsTheRuleSays() {
        var analysis = scan(PauseRule.SPEECH, tone(1, 10_000), tone(0.5, 0), tone(1, 10_000), tone(0.2, 0), tone(1, 10_000), tone(0.8, 100));

        // 0.2 s is shorter than 300 ms; 100 (−50 dBFS) is below −40 dB and runs to the end.
        assertEquals(List.of(new Pause(1000, 1500), new Pause(3700, 4500)), analysis.pauses());
        assertEquals(450, analysis.pixels());
        assertEquals(480, analysis.samplesPerPixel());
        assertEquals(4500, analysis.durationMs());
    }

    @Test
    void theThresholdAndLengthAreTheRule() {
        var quietSpeech = tone(1, 600); // −37.8 dBFS RMS: above −40 dB, below −30
        var analysis = scan(new PauseRule(-30, 500), tone(1, 10_000), quietSpeech, tone(0.4, 0), tone(1, 10_000));

        assertEquals(List.of(new Pause(1000, 2400)), analysis.pauses());
        assertEquals(List.of(), scan(PauseRule.SPEECH, tone(1, 10_000), quietSpeech, tone(1, 10_000)).pauses());
    }

    @Test
    void aThresholdThatTwentyDoesNotDivideIsTheOneSaid() {
        var minusThirty = tone(1, 32768 * Math.pow(10, -30 / 20.0) * Math.sqrt(2)); // RMS at -30 dBFS
        var minusForty = tone(1, 32768 * Math.pow(10, -40 / 20.0) * Math.sqrt(2));

        assertEquals(List.of(), scan(new PauseRule(-35, 300), minusThirty).pauses(), "-30 dB is louder than -35");
        assertEquals(List.of(new Pause(0, 1000)), scan(new PauseRule(-35, 300), minusForty).pauses(), "-40 dB is quieter");
    }

    @Test
    void peaksAreEightBitPairsPerPixel() {
        var analysis = scan(PauseRule.SPEECH, tone(0.1, 32_767), tone(0.1, 0));
        var peaks = analysis.peaks();

        assertEquals(20 * 2, peaks.length);
        assertEquals(-128, peaks[0]);
        assertEquals(127, peaks[1]);
        assertEquals(0, peaks[2 * 15]);
        assertEquals(0, peaks[2 * 15 + 1]);
    }

    @Test
    void partsThatStartAnywhereJoinIntoTheSameLevelsAsOnePass() {
        var whole = new float[RATE * 3];
        var sound = tone(3, 9_000);
        System.arraycopy(sound, 0, whole, 0, whole.length);
        java.util.Arrays.fill(whole, 70_000, 100_000, 0f); // a pause that parts cut through
        var onePass = scan(PauseRule.SPEECH, whole);

        var parts = new java.util.ArrayList<LevelScan.Part>();
        int[] cuts = {0, 12_345, 71_111, 71_112, 90_000, whole.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            var part = new LevelScan(RATE, PauseRule.SPEECH, cuts[i]);
            part.accept(java.util.Arrays.copyOfRange(whole, cuts[i], cuts[i + 1]), cuts[i + 1] - cuts[i]);
            parts.add(part.finish());
        }
        var joined = LevelScan.joined(RATE, PauseRule.SPEECH, parts);

        org.junit.jupiter.api.Assertions.assertArrayEquals(onePass.peaks(), joined.peaks());
        assertEquals(onePass.pauses(), joined.pauses());
        assertEquals(List.of(new Pause(1460, 2080)), joined.pauses(), "the pixels wholly within samples 70,000–100,000 at 48 kHz");
        assertEquals(onePass.durationMs(), joined.durationMs());
    }

    @Test
    void aRateThatAHundredDoesNotDivideKeepsItsTimes() {
        var scan = new LevelScan(22_050, PauseRule.SPEECH);
        var silence = new float[22_050];
        var sound = new float[22_050];
        java.util.Arrays.fill(sound, 5000);
        scan.accept(sound, sound.length);
        scan.accept(silence, silence.length);
        scan.accept(sound, sound.length);
        var analysis = LevelScan.joined(22_050, PauseRule.SPEECH, List.of(scan.finish()));

        assertEquals(221, analysis.samplesPerPixel());
        var pause = analysis.pauses().get(0);
        assertEquals(1000, pause.startMs(), 10);
        assertEquals(2000, pause.endMs(), 10);
    }
}
