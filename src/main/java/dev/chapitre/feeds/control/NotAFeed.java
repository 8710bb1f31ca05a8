package dev.chapitre.feeds.control;

import dev.chapitre.platform.entity.Message;

/** What an address returned is not a podcast feed that can be read; the reason says what it is instead. */
public class NotAFeed extends Exception {

    private final Message reason;

    public NotAFeed(String reason, Object... arguments) {
        this(Message.of(reason, arguments));
    }

    private NotAFeed(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    /** In the reader's language when it is said. */
    public Message reason() {
        return reason;
    }
}
