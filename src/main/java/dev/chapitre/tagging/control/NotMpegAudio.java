package dev.chapitre.tagging.control;

import dev.chapitre.platform.entity.Message;

/**
 * The file is not MPEG audio we can publish; the reason says what was found instead, in words for
 * the reader's language (the message is its English, for logs and the import report).
 */
public class NotMpegAudio extends Exception {

    public enum Kind { NOT_AUDIO, DAMAGED }

    private final Kind kind;
    private final Message reason;

    public NotMpegAudio(Kind kind, Message reason) {
        super(reason.toString());
        this.kind = kind;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public Message reason() {
        return reason;
    }
}
