package dev.chapitre.tagging.control;

/** What the audio itself says: its length in time and its (average) bit rate. */
public record AudioFacts(long durationMs, int bitrateKbps, boolean variableBitrate, int sampleRate, String channels) {
}
