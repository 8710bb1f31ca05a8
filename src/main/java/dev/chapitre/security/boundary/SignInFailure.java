package dev.chapitre.security.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Why the sign-in form's POST opened no session: found by the authentication mechanism, which runs
 * first, and shown by the sign-in page of the same request above the form it shows again, in the
 * studio's language (its message key and arguments; the words are in the studio's bundle).
 */
sealed interface SignInFailure {

    /** The form's own token is missing or wrong: posted from another site, or from an old page. */
    record ForeignForm() implements SignInFailure {

        @Override
        public int status() {
            return 403;
        }

        @Override
        public String messageKey() {
            return "signIn.error.foreignForm";
        }
    }

    /** Too many failures from this address or for this account: every attempt waits, a right password too. */
    record Throttled(long retryAfterSeconds) implements SignInFailure {

        @Override
        public int status() {
            return 429;
        }

        @Override
        public String messageKey() {
            return retryAfterSeconds < 60 ? "signIn.error.throttledSeconds" : "signIn.error.throttledMinutes";
        }

        /** How long to wait, rounded up: seconds under a minute, else minutes. */
        @Override
        public long messageArgument() {
            return retryAfterSeconds < 60 ? retryAfterSeconds : (retryAfterSeconds + 59) / 60;
        }
    }

    record WrongCredentials() implements SignInFailure {

        @Override
        public int status() {
            return 200; // the form again, as after any typo
        }

        @Override
        public String messageKey() {
            return "signIn.error.wrong";
        }
    }

    int status();

    /** The studio bundle's key of what the page says. */
    String messageKey();

    /** The number the message names (seconds or minutes to wait), where it names one. */
    default long messageArgument() {
        return 0;
    }

    default void attachTo(HttpServletRequest request) {
        request.setAttribute(SignInFailure.class.getName(), this);
    }

    static Optional<SignInFailure> of(HttpServletRequest request) {
        return request.getAttribute(SignInFailure.class.getName()) instanceof SignInFailure failure
                ? Optional.of(failure) : Optional.empty();
    }
}
