package dev.chapitre.tagging.control;

/** The file is not MPEG audio we can publish; the message says what was found instead. */
public class NotMpegAudio extends Exception {

    public enum Kind { NOT_AUDIO, DAMAGED }

    private final Kind kind;

    public NotMpegAudio(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
