package dev.chapitre.platform.control;

import java.io.IOException;
import java.io.InputStream;

/** What the requests that we refuse still need. */
public final class RequestBodies {

    /** Most clients send the whole body before they read the answer: read on this far, so they get to see it. */
    public static final long DRAIN_AFTER_REFUSAL = 64L * 1024 * 1024;

    private RequestBodies() {
    }

    /** Reads and discards the rest of a refused body, up to {@link #DRAIN_AFTER_REFUSAL}. */
    public static void drain(InputStream body) {
        try {
            var buffer = new byte[64 * 1024];
            long total = 0;
            for (int n = body.read(buffer); n >= 0 && total < DRAIN_AFTER_REFUSAL; n = body.read(buffer)) {
                total += n;
            }
        } catch (IOException | IllegalStateException gone) {
            // The client stopped sending (or the body was already read another way): our answer is all that is left.
        }
    }
}
