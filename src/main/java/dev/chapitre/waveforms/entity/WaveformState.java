package dev.chapitre.waveforms.entity;

public enum WaveformState {
    COMPUTING, READY, FAILED
}
