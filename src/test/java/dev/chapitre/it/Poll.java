package dev.chapitre.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting for something the server does in the background (re-tagging, a scheduled publication,
 * a boot): ask again until the answer is there or the deadline passes, never a fixed sleep that
 * is too long on a fast machine and too short on a slow one.
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /** The first answer the probe gives within {@code timeout}; an AssertionError naming {@code what} after it. */
    public static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe) {
        var deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                var answer = probe.call();
                if (answer.isPresent()) {
                    return answer.get();
                }
            } catch (AssertionError | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError("while waiting until " + what, e);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(INTERVAL.toNanos());
        }
    }

    /** Returns once the condition holds, within {@code timeout}. */
    public static void until(String what, Duration timeout, Condition condition) {
        until(what, timeout, () -> condition.holds() ? Optional.of(true) : Optional.<Boolean>empty());
    }

    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }
}
