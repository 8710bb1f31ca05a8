package dev.chapitre.imports.control;

/**
 * An address could not be fetched: the message says why in words for the producer (the status the
 * host answered, a timeout, too many redirects, more bytes than allowed…). {@code refused}: the
 * address itself is not allowed (a scheme other than http/https, a private address).
 */
public class FetchFailed extends Exception {

    private final boolean refused;

    public FetchFailed(String message, boolean refused) {
        super(message);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
