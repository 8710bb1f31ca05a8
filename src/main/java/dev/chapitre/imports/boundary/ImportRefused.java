package dev.chapitre.imports.boundary;

import dev.chapitre.platform.entity.Message;
import jakarta.ejb.ApplicationException;

/**
 * An import that cannot go on, for a reason the producer reads in the job's {@code failure}, worded
 * in their language when read (the exception's message is its English, for logs).
 */
@ApplicationException(rollback = true)
public class ImportRefused extends RuntimeException {

    private final Message reason;

    public ImportRefused(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }
}
