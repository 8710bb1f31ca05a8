package dev.chapitre.waveforms.control;

import java.io.IOException;

/** The audio itself cannot be decoded (not MPEG audio, no frame): trying again would fail again. */
public class UndecodableAudio extends IOException {

    public UndecodableAudio(String message, Throwable cause) {
        super(message, cause);
    }
}
