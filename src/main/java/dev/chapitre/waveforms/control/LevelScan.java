package dev.chapitre.waveforms.control;

import dev.chapitre.waveforms.entity.Pause;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over decoded samples (mono, 16-bit scale) that keeps only what the editor needs: per pixel
 * of about 10 ms its lowest and highest sample as 8-bit values (the audiowaveform layout) and whether
 * its RMS level is below the pause threshold. Memory is three bytes per pixel, never the samples.
 * <p>
 * A scan may cover a stretch of the audio that starts anywhere ({@code firstSample}), so that parts
 * of a file decoded side by side are {@link #joined}: a pixel cut by a part's edge is completed from
 * the neighbouring part (extremes and squares add up), and the pauses are found in the joined levels.
 */
final class LevelScan {

    /** What a scan saw of its stretch: pixels from {@code firstPixel}; the first and last may be partial. */
    record Part(long firstPixel, byte[] minMax, byte[] quiet, double headSquares, double tailSquares, long samples) {

        long pixels() {
            return quiet.length;
        }
    }

    private final int sampleRate;
    private final int samplesPerPixel;
    private final double quietSumOfSquares;
    private final long firstPixel;
    private final long firstSample;
    private final ByteArrayOutputStream minMax = new ByteArrayOutputStream(64 * 1024);
    private final ByteArrayOutputStream quiet = new ByteArrayOutputStream(32 * 1024);

    private float min = Float.MAX_VALUE;
    private float max = -Float.MAX_VALUE;
    private double sumOfSquares;
    private int inPixel;
    private double headSquares = Double.NaN;
    private boolean started;
    private long samples;

    LevelScan(int sampleRate, PauseRule rule) {
        this(sampleRate, rule, 0);
    }

    LevelScan(int sampleRate, PauseRule rule, long firstSample) {
        this.sampleRate = sampleRate;
        this.samplesPerPixel = samplesPerPixel(sampleRate);
        this.quietSumOfSquares = rule.sumOfSquaresBelow(samplesPerPixel);
        this.firstSample = firstSample;
        this.firstPixel = firstSample / samplesPerPixel;
        this.inPixel = (int) (firstSample % samplesPerPixel);
    }

    /** 10 ms, the finest the editor zooms to; rates that 100 does not divide get the nearest whole count. */
    static int samplesPerPixel(int sampleRate) {
        return Math.max(1, Math.round(sampleRate / 100f));
    }

    void accept(float[] block, int count) {
        for (int i = 0; i < count; i++) {
            float sample = block[i];
            if (sample < min) {
                min = sample;
            }
            if (sample > max) {
                max = sample;
            }
            sumOfSquares += sample * sample;
            if (++inPixel == samplesPerPixel) {
                closePixel(started || firstSample % samplesPerPixel == 0 ? samplesPerPixel : samplesPerPixel - (int) (firstSample % samplesPerPixel));
            }
        }
        samples += count;
    }

    private void closePixel(int count) {
        if (!started && firstSample % samplesPerPixel != 0) {
            headSquares = sumOfSquares;
        }
        started = true;
        minMax.write(eightBit(min));
        minMax.write(eightBit(max));
        quiet.write(sumOfSquares < quietSumOfSquares * count / samplesPerPixel ? 1 : 0);
        min = Float.MAX_VALUE;
        max = -Float.MAX_VALUE;
        sumOfSquares = 0;
        inPixel = 0;
    }

    /** The stretch's levels; a pixel it ends inside is written with what it saw of it. */
    Part finish() {
        int seen = started ? inPixel : inPixel - (int) (firstSample % samplesPerPixel);
        double tail = Double.NaN;
        if (seen > 0) {
            tail = sumOfSquares;
            closePixel(seen);
        }
        return new Part(firstPixel, minMax.toByteArray(), quiet.toByteArray(), headSquares, tail, samples);
    }

    /** The analysis of the whole file from its parts in order (the first starting at sample 0). */
    static AudioAnalysis joined(int sampleRate, PauseRule rule, List<Part> parts) {
        int perPixel = samplesPerPixel(sampleRate);
        double quietBelow = rule.sumOfSquaresBelow(perPixel);
        var shares = new boolean[parts.size()];
        long pixels = 0;
        long samples = 0;
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            var previous = i == 0 ? null : parts.get(i - 1);
            shares[i] = previous != null && part.pixels() > 0 && previous.pixels() > 0 && !Double.isNaN(part.headSquares())
                    && !Double.isNaN(previous.tailSquares()) && previous.firstPixel() + previous.pixels() - 1 == part.firstPixel();
            pixels += part.pixels() - (shares[i] ? 1 : 0);
            samples += part.samples();
        }
        var minMax = new byte[Math.toIntExact(2 * pixels)];
        var quiet = new byte[Math.toIntExact(pixels)];
        int at = 0;
        for (int i = 0; i < parts.size(); i++) {
            var part = parts.get(i);
            int from = 0;
            if (shares[i]) {
                // The pixel the two parts share, written from the previous part, completed from this one.
                minMax[2 * (at - 1)] = (byte) Math.min(minMax[2 * (at - 1)], part.minMax()[0]);
                minMax[2 * (at - 1) + 1] = (byte) Math.max(minMax[2 * (at - 1) + 1], part.minMax()[1]);
                quiet[at - 1] = (byte) (parts.get(i - 1).tailSquares() + part.headSquares() < quietBelow ? 1 : 0);
                from = 1;
            }
            int count = (int) part.pixels() - from;
            System.arraycopy(part.minMax(), 2 * from, minMax, 2 * at, 2 * count);
            System.arraycopy(part.quiet(), from, quiet, at, count);
            at += count;
        }
        return new AudioAnalysis(sampleRate, perPixel, minMax, pauses(quiet, sampleRate, perPixel, rule), samples * 1000 / sampleRate);
    }

    /** Runs of quiet pixels at least as long as the rule asks, as pauses. */
    static List<Pause> pauses(byte[] quiet, int sampleRate, int perPixel, PauseRule rule) {
        long minPixels = Math.max(1, Math.round(rule.minLengthMs() * (double) sampleRate / 1000 / perPixel));
        var found = new ArrayList<Pause>();
        int since = -1;
        for (int pixel = 0; pixel <= quiet.length; pixel++) {
            boolean isQuiet = pixel < quiet.length && quiet[pixel] == 1;
            if (isQuiet && since < 0) {
                since = pixel;
            } else if (!isQuiet && since >= 0) {
                if (pixel - since >= minPixels) {
                    found.add(new Pause(millis(since, perPixel, sampleRate), millis(pixel, perPixel, sampleRate)));
                }
                since = -1;
            }
        }
        return found;
    }

    private static long millis(long pixel, int perPixel, int sampleRate) {
        return pixel * perPixel * 1000 / sampleRate;
    }

    /** As audiowaveform's 8-bit data: the 16-bit value's high byte. */
    private static int eightBit(float sample) {
        int value = Math.max(-32768, Math.min(32767, Math.round(sample)));
        return value >> 8;
    }
}
