package dev.chapitre.imports.boundary;

import jakarta.ejb.ApplicationException;

/** An import that cannot go on, for a reason the producer reads in the job's {@code failure}. */
@ApplicationException(rollback = true)
public class ImportRefused extends RuntimeException {

    public ImportRefused(String message) {
        super(message);
    }
}
