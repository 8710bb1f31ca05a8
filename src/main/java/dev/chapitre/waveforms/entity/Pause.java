package dev.chapitre.waveforms.entity;

/** A stretch of the audio quieter than the pause threshold, from its first quiet moment to the sound after it. */
public record Pause(long startMs, long endMs) {

    public Pause {
        if (startMs < 0 || endMs <= startMs) {
            throw new IllegalArgumentException("A pause ends after it starts: " + startMs + "–" + endMs);
        }
    }

    public long lengthMs() {
        return endMs - startMs;
    }

    /** The boundary nearer to {@code ms}: where a mark put near this pause belongs. */
    public long nearestBoundary(long ms) {
        return Math.abs(ms - startMs) <= Math.abs(endMs - ms) ? startMs : endMs;
    }

    public boolean contains(long ms) {
        return ms >= startMs && ms <= endMs;
    }
}
