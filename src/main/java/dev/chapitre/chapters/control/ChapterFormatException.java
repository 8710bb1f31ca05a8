package dev.chapitre.chapters.control;

import dev.chapitre.platform.entity.Message;

/**
 * The input is not in the chapter format it claims to be (as opposed to breaking a chapter rule).
 * Its {@link #reason()} is worded in the reader's language when answered; the exception's message
 * is its English, for logs and the import report.
 */
public class ChapterFormatException extends RuntimeException {

    private final Message reason;

    public ChapterFormatException(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }
}
