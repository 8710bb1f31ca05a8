package dev.chapitre.waveforms.control;

import dev.chapitre.waveforms.entity.Pause;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the decoded samples (mono, 16-bit scale) that keeps only what the editor needs: per
 * pixel of about 10 ms its lowest and highest sample as 8-bit values (the audiowaveform layout), and
 * the pauses, found from each pixel's RMS level. Memory is two bytes per pixel, never the samples.
 */
final class LevelScan {

    private final int sampleRate;
    private final int samplesPerPixel;
    private final PauseRule rule;
    private final double quietSumOfSquares;
    private final long minPausePixels;
    private final ByteArrayOutputStream peaks = new ByteArrayOutputStream(64 * 1024);
    private final List<Pause> pauses = new ArrayList<>();

    private float min = Float.MAX_VALUE;
    private float max = -Float.MAX_VALUE;
    private double sumOfSquares;
    private int inPixel;
    private long pixels;
    private long quietSince = -1;

    LevelScan(int sampleRate, PauseRule rule) {
        this.sampleRate = sampleRate;
        // 10 ms, the finest the editor zooms to; rates that 100 does not divide get the nearest whole count.
        this.samplesPerPixel = Math.max(1, Math.round(sampleRate / 100f));
        this.rule = rule;
        this.quietSumOfSquares = rule.sumOfSquaresBelow(samplesPerPixel);
        this.minPausePixels = Math.max(1, Math.round(rule.minLengthMs() * (double) sampleRate / 1000 / samplesPerPixel));
    }

    void accept(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            float sample = samples[i];
            if (sample < min) {
                min = sample;
            }
            if (sample > max) {
                max = sample;
            }
            sumOfSquares += sample * sample;
            if (++inPixel == samplesPerPixel) {
                closePixel();
            }
        }
    }

    AudioAnalysis finish(long samples) {
        if (inPixel > 0) {
            closePixel();
        }
        endQuiet();
        return new AudioAnalysis(sampleRate, samplesPerPixel, peaks.toByteArray(), List.copyOf(pauses), samples * 1000 / sampleRate);
    }

    private void closePixel() {
        peaks.write(eightBit(min));
        peaks.write(eightBit(max));
        boolean quiet = sumOfSquares < quietSumOfSquares * inPixel / samplesPerPixel;
        if (quiet && quietSince < 0) {
            quietSince = pixels;
        } else if (!quiet) {
            endQuiet();
        }
        pixels++;
        min = Float.MAX_VALUE;
        max = -Float.MAX_VALUE;
        sumOfSquares = 0;
        inPixel = 0;
    }

    private void endQuiet() {
        if (quietSince >= 0 && pixels - quietSince >= minPausePixels) {
            pauses.add(new Pause(millis(quietSince), millis(pixels)));
        }
        quietSince = -1;
    }

    private long millis(long pixel) {
        return pixel * samplesPerPixel * 1000 / sampleRate;
    }

    /** As audiowaveform's 8-bit data: the 16-bit value's high byte. */
    private static int eightBit(float sample) {
        int value = Math.max(-32768, Math.min(32767, Math.round(sample)));
        return value >> 8;
    }

}
