package dev.chapitre.waveforms.control;

/**
 * What counts as a pause: a level below {@code thresholdDb} (dBFS, measured as the RMS of each
 * 10 ms) for at least {@code minLengthMs}. The defaults suit speech recorded for podcasts: voices sit
 * 20–40 dB above the threshold, a room's noise floor below it, and 300 ms is longer than the gaps
 * between words but as short as a breath between sentences.
 */
public record PauseRule(int thresholdDb, int minLengthMs) {

    public static final PauseRule SPEECH = new PauseRule(-40, 300);

    public PauseRule {
        if (thresholdDb >= 0 || thresholdDb < -120 || minLengthMs < 20 || minLengthMs > 60_000) {
            throw new IllegalArgumentException("A pause threshold between -120 and -1 dBFS (whole decibels) and a length of 20 ms to 60 s, not "
                    + thresholdDb + " dB and " + minLengthMs + " ms");
        }
    }

    /** The threshold as a sum of squared 16-bit samples over {@code samples} samples. */
    double sumOfSquaresBelow(int samples) {
        double amplitude = 32768 * Math.pow(10, thresholdDb / 20.0);
        return amplitude * amplitude * samples;
    }
}
