package dev.chapitre.imports.control;

import dev.chapitre.platform.entity.Message;

/**
 * An address could not be fetched: the reason says why in words for the producer (the status the
 * host answered, a timeout, too many redirects, more bytes than allowed…), worded in their language
 * when a request is refused for it; the message is the same in English, for the import's report.
 * {@code refused}: the address itself is not allowed (a scheme other than http/https, a private address).
 */
public class FetchFailed extends Exception {

    private final Message reason;
    private final boolean refused;

    public FetchFailed(Message reason, boolean refused) {
        super(reason.toString());
        this.reason = reason;
        this.refused = refused;
    }

    public Message reason() {
        return reason;
    }

    public boolean refused() {
        return refused;
    }
}
