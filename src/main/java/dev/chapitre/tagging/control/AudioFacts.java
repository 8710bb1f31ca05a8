package dev.chapitre.tagging.control;

/**
 * What the audio itself says: its length in time and its (average) bit rate; whether the bit rate
 * varies tells how the length was measured (from the Xing/VBRI frame count, not the file size).
 */
public record AudioFacts(long durationMs, int bitrateKbps, boolean variableBitrate) {
}
