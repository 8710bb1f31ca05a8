package dev.chapitre.waveforms.control;

import dev.chapitre.waveforms.entity.Pause;
import java.util.List;

/**
 * What one pass over an episode's audio found: {@code peaks} holds a (min, max) pair of signed
 * 8-bit values per pixel of {@code samplesPerPixel} samples, mono; {@code pauses} in order.
 */
public record AudioAnalysis(int sampleRate, int samplesPerPixel, byte[] peaks, List<Pause> pauses, long durationMs) {

    public int pixels() {
        return peaks.length / 2;
    }
}
